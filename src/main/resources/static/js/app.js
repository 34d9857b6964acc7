// Large-text / high-contrast mode (适老化), remembered on this device.
(function () {
  var key = 'xf-large';
  function apply(on) {
    document.documentElement.classList.toggle('large', on);
    document.querySelectorAll('[data-toggle-large]').forEach(function (b) { b.setAttribute('aria-pressed', on ? 'true' : 'false'); });
  }
  try { apply(localStorage.getItem(key) === '1'); } catch (e) { /* private mode */ }
  document.addEventListener('click', function (e) {
    var t = e.target.closest('[data-toggle-large]');
    if (!t) { return; }
    var on = !document.documentElement.classList.contains('large');
    try { localStorage.setItem(key, on ? '1' : '0'); } catch (err) { /* ignore */ }
    apply(on);
  });
  // htmx requests carry the CSRF token of the page.
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });
  // Print buttons
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) { window.print(); }
  });
})();
