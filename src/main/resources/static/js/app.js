// Large-text / high-contrast mode (适老化), remembered on this device.
(function () {
  var key = 'xf-large';
  function apply(on) {
    document.documentElement.classList.toggle('large', on);
    document.querySelectorAll('[data-toggle-large]').forEach(function (b) {
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      // the button says what a tap does: 大字模式 when text is normal, 标准字号 to go back
      var label = b.getAttribute(on ? 'data-label-on' : 'data-label-off');
      if (label) { b.textContent = label; }
    });
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
  // 智能建议: a 采纳 button fills form fields ({selector: value}); a township waits for the
  // county's options, which htmx loads after the county changes.
  var pendingTownship = null;
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-fill]');
    if (!b) { return; }
    e.preventDefault();
    var fill = JSON.parse(b.getAttribute('data-fill'));
    Object.keys(fill).forEach(function (sel) {
      var el = document.querySelector(sel);
      if (!el) { return; }
      if (sel === '#township') { pendingTownship = fill[sel]; }
      var details = el.closest('details');
      if (details) { details.open = true; }
      if (el.value !== fill[sel]) {
        el.value = fill[sel];
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    b.classList.add('accepted');
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    if (pendingTownship && e.detail.target && e.detail.target.id === 'township') {
      e.detail.target.value = pendingTownship;
      pendingTownship = null;
    }
  });
  // Script behaviour by data attributes, none inline (the Content-Security-Policy forbids it)
  document.addEventListener('change', function (e) {
    var s = e.target.closest('[data-autosubmit]');
    if (s && s.form) { s.form.submit(); }
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-back]')) { e.preventDefault(); history.back(); }
  });
  // Attachments over the limit are refused before the form is sent, so nothing typed is lost
  document.addEventListener('change', function (e) {
    var input = e.target.closest('input[type=file][data-max-bytes]');
    if (!input) { return; }
    var error = document.getElementById(input.id + '-error');
    var max = parseInt(input.getAttribute('data-max-bytes'), 10);
    var maxFiles = parseInt(input.getAttribute('data-max-files') || '0', 10);
    var message = null;
    if (maxFiles && input.files.length > maxFiles) {
      message = input.getAttribute('data-too-many');
    }
    for (var i = 0; !message && i < input.files.length; i++) {
      if (input.files[i].size > max) {
        message = input.getAttribute('data-too-large').replace('{0}', input.files[i].name);
      }
    }
    if (error) {
      error.textContent = message || '';
      error.hidden = !message;
    }
    if (message) { input.value = ''; }
  });
  // 获取验证码: after a code is sent the button counts down the resend interval instead of
  // letting a second tap run into the throttle
  var countdown = null;
  function startCooldown(status) {
    var seconds = parseInt(status.getAttribute('data-cooldown') || '0', 10);
    var button = document.getElementById('send-code');
    if (!button || !seconds) { return; }
    var label = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', label);
    var pattern = status.getAttribute('data-resend-label') || '{0}';
    if (countdown) { clearInterval(countdown); }
    var tick = function () {
      if (seconds <= 0) {
        clearInterval(countdown); countdown = null;
        button.disabled = false; button.textContent = label;
        return;
      }
      button.disabled = true;
      button.textContent = pattern.replace('{0}', seconds);
      seconds--;
    };
    tick();
    countdown = setInterval(tick, 1000);
  }
  document.addEventListener('htmx:afterSwap', function (e) {
    var status = document.getElementById('code-status');
    if (status && status.hasAttribute('data-cooldown')) { startCooldown(status); }
  });
  // 查询码: copy (the clipboard API needs a secure context; an intranet over http falls back to a
  // selected text field) and save as a picture drawn on a canvas
  function say(message) {
    var s = document.getElementById('copy-status');
    if (s) { s.textContent = message; }
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-copy-receipt]');
    if (!b) { return; }
    var text = b.getAttribute('data-text');
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.top = '-100px';
      document.body.appendChild(area); area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
      document.body.removeChild(area);
      say(b.getAttribute(ok ? 'data-copied' : 'data-failed'));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(b.getAttribute('data-copied')); }, fallback);
    } else {
      fallback();
    }
  });
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-save-receipt]');
    if (!b) { return; }
    var canvas = document.createElement('canvas');
    canvas.width = 720; canvas.height = 420;
    var g = canvas.getContext('2d');
    var font = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
    g.fillStyle = '#ffffff'; g.fillRect(0, 0, 720, 420);
    g.strokeStyle = '#0b5cad'; g.lineWidth = 6; g.strokeRect(12, 12, 696, 396);
    g.fillStyle = '#1f2328'; g.textAlign = 'center';
    g.font = 'bold 30px ' + font; g.fillText(b.getAttribute('data-title'), 360, 80);
    g.font = '26px ' + font; g.fillText(b.getAttribute('data-number-label'), 360, 150);
    g.font = 'bold 36px monospace'; g.fillText(b.getAttribute('data-number'), 360, 200);
    g.font = '26px ' + font; g.fillText(b.getAttribute('data-code-label'), 360, 280);
    g.font = 'bold 44px monospace'; g.fillText(b.getAttribute('data-code'), 360, 335);
    canvas.toBlob(function (blob) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = b.getAttribute('data-file');
      document.body.appendChild(a); a.click(); document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    }, 'image/png');
  });
  // Print buttons
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) { window.print(); }
  });
  // 填写 → 确认 → 提交: with script, the petition form shows a summary before it is sent;
  // without script it submits directly.
  var form = document.querySelector('form[data-confirm]');
  if (form) {
    var review = document.getElementById('review-btn');
    var submit = document.getElementById('submit-btn');
    var edit = document.getElementById('edit-btn');
    var fields = document.getElementById('fill-fields');
    var panel = document.getElementById('confirm-panel');
    var show = function (confirming) {
      fields.hidden = confirming; panel.hidden = !confirming;
      review.hidden = confirming; submit.hidden = !confirming; edit.hidden = !confirming;
      document.getElementById('step-fill').className = confirming ? 'done' : 'current';
      document.getElementById('step-confirm').className = confirming ? 'current' : '';
      window.scrollTo(0, 0);
    };
    var text = function (sel) { var e = form.querySelector(sel); return e && e.selectedIndex !== undefined ? (e.value ? e.options[e.selectedIndex].text : '') : (e ? e.value : ''); };
    show(false);
    review.addEventListener('click', function () {
      if (!form.reportValidity()) { return; }
      var set = function (k, v) { panel.querySelector('[data-show="' + k + '"]').textContent = v || '—'; };
      set('place', [text('#county'), text('#township')].filter(Boolean).join(' '));
      set('title', text('#title'));
      set('content', text('#content'));
      set('category', text('#categoryCode'));
      set('files', Array.prototype.map.call(form.querySelector('#files').files, function (f) { return f.name; }).join('、'));
      show(true);
    });
    edit.addEventListener('click', function () { show(false); });
  }
})();
