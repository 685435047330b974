/** Entry of the page: finds its elements and starts the app. */
import { WebApp } from './app.js';
import { pageElements } from './elements.js';

void new WebApp(pageElements()).start();
