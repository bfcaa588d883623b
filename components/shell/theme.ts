'use client';
import { useCallback, useEffect, useState } from 'react';

import { THEME_KEY as KEY } from './theme-script';

/** Dark mode: the stored choice, else the system's preference; applied as the `dark` class on <html>. */
export function useDarkMode(): [boolean, () => void] {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const stored = localStorage.getItem(KEY);
    setDark(stored ? stored === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
  }, [dark]);
  const toggle = useCallback(() => {
    setDark((d) => {
      localStorage.setItem(KEY, d ? 'light' : 'dark');
      return !d;
    });
  }, []);
  return [dark, toggle];
}
