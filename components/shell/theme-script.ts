export const THEME_KEY = 'gatewatch-theme';

/** Runs before the first paint so the page does not flash light in dark mode. */
export const THEME_SCRIPT = `try{var s=localStorage.getItem('${THEME_KEY}');if(s?s==='dark':matchMedia('(prefers-color-scheme: dark)').matches)document.documentElement.classList.add('dark')}catch(e){}`;
