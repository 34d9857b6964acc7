// Staff exam: each answer is saved as it is chosen; at zero the paper is handed in by the page, and the
// server submits it anyway when the time is up (it keeps the real clock).
(function () {
  var form = document.getElementById('exam-form');
  if (!form) { return; }
  var id = form.getAttribute('data-attempt');
  var left = parseInt(form.getAttribute('data-seconds'), 10);
  var clock = document.getElementById('exam-clock');
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  function answerOf(fs) {
    if (fs.getAttribute('data-type') === 'FILL') { return fs.querySelector('input').value; }
    return Array.prototype.filter.call(fs.querySelectorAll('input'), function (i) { return i.checked; })
      .map(function (i) { return i.value; }).join('');
  }
  form.addEventListener('change', function (e) {
    var fs = e.target.closest('fieldset[data-qid]');
    if (!fs) { return; }
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (token && header) { headers[header.content] = token.content; }
    fetch('/console/publicity/attempts/' + id + '/answers/' + fs.getAttribute('data-qid'), {
      method: 'POST', credentials: 'same-origin', headers: headers, body: 'answer=' + encodeURIComponent(answerOf(fs))
    }).then(function (r) { if (r.status === 409) { location.reload(); } });
  });
  var sent = false;
  form.addEventListener('submit', function () { sent = true; });
  function tick() {
    var m = Math.floor(Math.max(left, 0) / 60), s = Math.max(left, 0) % 60;
    clock.textContent = m + ':' + (s < 10 ? '0' : '') + s;
    if (left <= 0) { if (!sent) { sent = true; form.submit(); } return; }
    left -= 1;
    setTimeout(tick, 1000);
  }
  tick();
})();
