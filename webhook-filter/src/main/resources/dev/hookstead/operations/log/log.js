// The invocation log page: reads its filters from the query string, the admin token from the #token= fragment or
// this tab's session storage, and shows the JSON API's answers. Every value is set as text, never as HTML.
(function () {
  'use strict';
  var FIELDS = ['route', 'status', 'error_code', 'user', 'since', 'until'];
  var base = location.pathname.replace(/\/$/, '');
  var filters = document.getElementById('filters');
  var message = document.getElementById('message');

  var fragment = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  if (fragment) {
    sessionStorage.setItem('hookstead.log.token', decodeURIComponent(fragment[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function token() { return sessionStorage.getItem('hookstead.log.token'); }

  function get(path) {
    var headers = {};
    if (token()) headers.Authorization = 'Bearer ' + token();
    return fetch(base + path, {headers: headers, credentials: 'same-origin'}).then(function (r) {
      return r.json().then(function (body) {
        if (r.status === 401) document.getElementById('signin').hidden = false;
        if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
        return body;
      });
    });
  }

  function utc(millis) { return new Date(millis).toISOString().replace('T', ' ').replace('Z', ''); }

  function toInstant(local) { return local ? local + (local.length === 16 ? ':00' : '') + 'Z' : ''; }

  function fromInstant(value) { return value ? value.replace(/Z$/, '').replace(/\.\d+$/, '') : ''; }

  function cell(row, text, className) {
    var td = row.insertCell();
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) td.className = className;
  }

  function params() {
    var search = new URLSearchParams(location.search);
    var query = new URLSearchParams();
    FIELDS.forEach(function (f) { if (search.get(f)) query.set(f, search.get(f)); });
    return query;
  }

  function list() {
    message.textContent = '';
    return get('/api/invocations?' + params().toString()).then(function (body) {
      var tbody = document.querySelector('#invocations tbody');
      tbody.textContent = '';
      body.invocations.forEach(function (i) {
        var row = tbody.insertRow();
        row.dataset.id = i.id;
        row.className = 'invocation';
        cell(row, utc(i.at));
        cell(row, i.route);
        cell(row, i.method);
        cell(row, i.status, i.status >= 400 ? 'error' : '');
        cell(row, i.error_code, 'error');
        cell(row, i.userId || i.userType);
        cell(row, i.durationMs + ' ms');
        row.addEventListener('click', function () { navigate({id: i.id}); });
      });
      if (!body.invocations.length) message.textContent = 'No invocation matches.';
    }).catch(function (e) { message.textContent = e.message; });
  }

  function detail(id) {
    return get('/api/invocations/' + encodeURIComponent(id)).then(function (i) {
      document.getElementById('detail').hidden = false;
      document.getElementById('detail-title').textContent = i.method + ' ' + i.route + ' → ' + i.status;
      document.getElementById('detail-summary').textContent = 'Invocation ' + i.id + ' at ' + utc(i.at)
          + ' UTC, ' + i.durationMs + ' ms, as ' + (i.userId ? i.userType + ' ' + i.userId : i.userType || 'nobody')
          + ' from ' + i.remoteIp;
      document.getElementById('detail-error').textContent = i.error
          ? i.error_code + ': ' + i.error + (i.stack ? '\n' + i.stack : '') : 'none';
      document.getElementById('detail-console').textContent = i.console.length ? i.console.join('\n') : '(no output)';
      document.getElementById('detail-args').textContent = i.args === null
          ? 'not logged (disable_arg_logs, or the request stopped before its arguments were read)'
          : JSON.stringify(JSON.parse(i.args), null, 2);
    }).catch(function (e) { message.textContent = e.message; });
  }

  function navigate(extra) {
    var query = new URLSearchParams();
    FIELDS.forEach(function (f) {
      var value = filters.elements[f].value.trim();
      if (f === 'since' || f === 'until') value = toInstant(value);
      if (value) query.set(f, value);
    });
    if (extra && extra.id) query.set('id', extra.id);
    history.pushState(null, '', location.pathname + (query.toString() ? '?' + query.toString() : ''));
    show();
  }

  function show() {
    var search = new URLSearchParams(location.search);
    FIELDS.forEach(function (f) {
      var value = search.get(f) || '';
      filters.elements[f].value = (f === 'since' || f === 'until') ? fromInstant(value) : value;
    });
    document.getElementById('detail').hidden = true;
    var done = list();
    if (search.get('id')) done = done.then(function () { return detail(search.get('id')); });
    done.then(function () { document.body.dataset.loaded = 'true'; });
  }

  filters.addEventListener('submit', function (e) { e.preventDefault(); navigate(); });
  document.getElementById('clear').addEventListener('click', function (e) {
    e.preventDefault();
    history.pushState(null, '', location.pathname);
    show();
  });
  document.getElementById('signin').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem('hookstead.log.token', document.getElementById('token').value);
    document.getElementById('signin').hidden = true;
    show();
  });
  window.addEventListener('popstate', show);
  show();
})();
