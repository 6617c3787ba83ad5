/* app.js - the only script of ssp's pages besides DKFDS's own (the CSP
 * allows no inline script). It starts the design system's components. */
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
  }
});
