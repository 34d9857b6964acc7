// 线上答题: the round page sends each answer as it is chosen and submits once; the clock shown here is
// only a display, the server keeps the real one.
(function () {
  var api = '/api/v1/public/quiz';
  function showError(msg) {
    var box = document.getElementById('quiz-error');
    if (box) { box.textContent = msg; box.hidden = false; box.scrollIntoView({ block: 'center' }); }
  }
  function call(method, url, body) {
    return fetch(url, {
      method: method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) { var e = new Error((j && (j.detail || j.title)) || '操作未成功，请稍后再试'); e.status = r.status; throw e; }
        return j;
      });
    });
  }

  var start = document.getElementById('quiz-start');
  if (start) {
    start.addEventListener('click', function () {
      start.disabled = true;
      call('POST', api + '/rounds').then(function (s) { location.href = '/quiz/rounds/' + s.token; })
        .catch(function (e) { start.disabled = false; showError(e.message); });
    });
  }

  var form = document.getElementById('quiz-form');
  if (form) {
    var token = form.getAttribute('data-token');
    var left = parseInt(form.getAttribute('data-seconds'), 10);
    var clock = document.getElementById('quiz-clock');
    var done = false;
    function answerOf(fs) {
      var type = fs.getAttribute('data-type');
      if (type === 'FILL') { return fs.querySelector('input').value; }
      var picked = Array.prototype.filter.call(fs.querySelectorAll('input'), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
      return picked.join('');
    }
    function all() {
      var a = {};
      form.querySelectorAll('fieldset[data-qid]').forEach(function (fs) {
        var v = answerOf(fs);
        if (v) { a[fs.getAttribute('data-qid')] = v; }
      });
      return a;
    }
    function submit() {
      if (done) { return; }
      done = true;
      document.getElementById('quiz-submit').disabled = true;
      call('POST', api + '/rounds/' + token + '/submit', { answers: all() })
        .then(function () { location.href = '/quiz/rounds/' + token + '/result'; })
        .catch(function (e) {
          if (e.status === 409) { location.href = '/quiz/rounds/' + token + '/result'; return; }
          done = false; document.getElementById('quiz-submit').disabled = false; showError(e.message);
        });
    }
    form.addEventListener('change', function (e) {
      var fs = e.target.closest('fieldset[data-qid]');
      if (!fs || done) { return; }
      call('PUT', api + '/rounds/' + token + '/answers/' + fs.getAttribute('data-qid'), { answer: answerOf(fs) })
        .catch(function (err) { if (err.status === 409) { submit(); } else { showError(err.message); } });
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); submit(); });
    function tick() {
      var m = Math.floor(Math.max(left, 0) / 60), s = Math.max(left, 0) % 60;
      clock.textContent = m + ':' + (s < 10 ? '0' : '') + s;
      if (left <= 0) { submit(); return; }
      left -= 1;
      setTimeout(tick, 1000);
    }
    tick();
  }

  var claim = document.getElementById('quiz-claim');
  if (claim) {
    var rt = claim.getAttribute('data-token');
    var codeBtn = document.getElementById('claim-code');
    if (codeBtn) {
      codeBtn.addEventListener('click', function () {
        codeBtn.disabled = true;
        call('POST', api + '/player/code', { phone: document.getElementById('claim-phone').value })
          .then(function () { codeBtn.textContent = '已发送'; setTimeout(function () { codeBtn.disabled = false; codeBtn.textContent = '重新获取'; }, 60000); })
          .catch(function (e) { codeBtn.disabled = false; showError(e.message); });
      });
    }
    claim.addEventListener('submit', function (e) {
      e.preventDefault();
      var phone = document.getElementById('claim-phone');
      var first = phone ? call('POST', api + '/player', {
        phone: phone.value, code: document.getElementById('claim-sms').value,
        nickname: document.getElementById('claim-nick').value, countyCode: document.getElementById('claim-county').value
      }) : Promise.resolve(null);
      first.then(function () { return call('POST', api + '/rounds/' + rt + '/claim'); })
        .then(function () { location.reload(); })
        .catch(function (err) { showError(err.message); });
    });
  }
  var cert = document.getElementById('quiz-cert');
  if (cert) {
    cert.addEventListener('click', function () {
      call('POST', api + '/rounds/' + cert.getAttribute('data-token') + '/certificate')
        .then(function (c) { location.href = c.verifyPath; })
        .catch(function (e) { showError(e.message); });
    });
  }
})();
