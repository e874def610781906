/** Entry of the public status page (status.html). No chart.js here: the page must stay light. */
import { browserLanguage } from '../i18n/browser-language.js';
import { startStatusApp } from './status-app.js';

startStatusApp(browserLanguage());
