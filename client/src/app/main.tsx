import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import '../styles/shell.css';
import '../styles/forms.css';
import '../styles/tables.css';
import '../styles/calendar.css';
import '../styles/slip.css';
import '../styles/form-panel.css';
import { currentLanguage } from '../i18n/language';
import { App } from './app';

document.documentElement.lang = currentLanguage();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
