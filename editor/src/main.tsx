import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@radix-ui/themes/styles.css';
import './styles/global.css';
import { App } from './app.tsx';
import { reloadOnNewRelease } from './layout/reload-on-new-release.ts';

reloadOnNewRelease();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
