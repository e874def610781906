/** Entry of the operator dashboard (index.html). */
import { createApiClient } from '../api/api-client.js';
import { browserLanguage } from '../i18n/browser-language.js';
import { readToken } from './token-store.js';
import { startOperatorApp } from './operator-app.js';

startOperatorApp(createApiClient({ fetch: (...args) => fetch(...args), token: readToken }), browserLanguage());
