import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/kiosk.css';
// The 「文字を大きく」 overrides (kiosk--large-text on <html>).
import '../styles/large-text.css';
import { KioskApp } from './kiosk-app';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <KioskApp />
  </StrictMode>,
);
