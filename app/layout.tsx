import type { Metadata } from 'next';
import { THEME_SCRIPT } from '@/components/shell/theme-script';
import './globals.css';

export const metadata: Metadata = {
  title: 'Gatewatch',
  description: 'What your cluster really routes: Gateway API topology, splits and diagnosis',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The theme script sets the `dark` class before hydration.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="h-screen overflow-hidden bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  );
}
