// The theme's only script (the menu toggle is inline in base.njk). Everything here is an
// enhancement: without it the date form lands on the archive index and the plain link list shows.
(function () {
  // "Xem theo ngày": the field reads dd/mm/yyyy. A day with articles opens its archive; a day
  // without says so and links the nearest days before and after that have some. The list of days
  // is a static file, newest first, so no server is involved.
  var form = document.querySelector('.date-picker');
  if (form) {
    var days = null;
    var load = function () {
      if (!days) days = fetch(form.getAttribute('data-days')).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      return days;
    };
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    // `2024-03-05` → `05/03/2024`, the way the portal writes dates.
    var shown = function (key) { return key.split('-').reverse().join('/'); };
    var archive = function (key) { return form.getAttribute('data-archive') + key.replace(/-/g, '/') + '/'; };
    var parseDay = function (text) {
      var m = /^\s*(\d{1,2})\s*[\/.-]\s*(\d{1,2})\s*[\/.-]\s*(\d{4})\s*$/.exec(text);
      if (!m) return null;
      var d = +m[1], mo = +m[2], y = +m[3];
      var date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
      return y + '-' + pad(mo) + '-' + pad(d);
    };
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = form.querySelector('#date-picker-input');
      var message = form.querySelector('.date-picker-message');
      message.textContent = '';
      var wanted = parseDay(input.value);
      if (!wanted) {
        message.textContent = form.getAttribute('data-invalid');
        input.focus();
        return;
      }
      load().then(function (list) {
        if (list.indexOf(wanted) >= 0) { location.href = archive(wanted); return; }
        var older = null, newer = null;
        for (var i = 0; i < list.length; i++) {
          if (list[i] < wanted) { older = list[i]; newer = i > 0 ? list[i - 1] : null; break; }
        }
        if (!older && list.length && list[list.length - 1] > wanted) newer = list[list.length - 1];
        if (!older && !newer) { message.textContent = message.getAttribute('data-none'); return; }
        message.appendChild(document.createTextNode(form.getAttribute('data-empty').replace('{day}', shown(wanted)) + ' ' + form.getAttribute('data-nearest') + ' '));
        [older, newer].filter(Boolean).forEach(function (key, n) {
          if (n) message.appendChild(document.createTextNode(', '));
          var a = document.createElement('a');
          a.href = archive(key);
          a.textContent = shown(key);
          message.appendChild(a);
        });
      }).catch(function () { location.href = form.getAttribute('data-archive'); });
    });
  }

  // Shortcut keys (listed on /tro-giup/). The pages mark them with `accesskey`, which browsers take
  // with their own modifier; this handler makes Alt + key (Alt + Shift + key in Firefox) do the same
  // wherever the browser leaves the key to the page. Doing it twice is harmless: the same link is
  // followed, the same field focused.
  document.addEventListener('keydown', function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var m = /^Digit(\d)$/.exec(event.code || '');
    var target = m && document.querySelector('[accesskey="' + m[1] + '"]');
    if (!target) return;
    event.preventDefault();
    if (target.tagName === 'INPUT') { target.focus(); return; }
    var hash = target.getAttribute('href');
    if (hash && hash.charAt(0) === '#') {
      var to = document.getElementById(hash.slice(1));
      if (to) to.focus();
      return;
    }
    location.href = target.href;
  });

  // "In bài viết" and "Lưu bài viết" need this script, so they are shown by it.
  var tools = document.querySelector('.article-tools');
  if (tools) {
    tools.hidden = false;
    var printButton = tools.querySelector('.print-button');
    if (printButton) printButton.addEventListener('click', function () { window.print(); });
    var saveButton = tools.querySelector('.save-button');
    if (saveButton) saveButton.addEventListener('click', function () {
      saveButton.disabled = true;
      saveArticle(saveButton).catch(function () {
        tools.querySelector('.article-tools-message').textContent = saveButton.getAttribute('data-failed');
      }).then(function () { saveButton.disabled = false; });
    });
  }

  // The article as one HTML file that opens anywhere offline: its text, with every picture inlined
  // as a data: URL, the print stylesheet's look, and the address it came from. Made in the browser
  // from the page itself, so the build writes nothing extra for it.
  function saveArticle(button) {
    var article = document.querySelector('article.article').cloneNode(true);
    Array.prototype.forEach.call(article.querySelectorAll('.article-tools, script'), function (el) { el.remove(); });
    var images = Array.prototype.slice.call(article.querySelectorAll('img'));
    return Promise.all(images.map(function (img) {
      var src = new URL(img.getAttribute('src'), location.href).href;
      img.removeAttribute('srcset');
      img.removeAttribute('loading');
      return fetch(src).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.blob();
      }).then(function (blob) {
        return new Promise(function (done, fail) {
          var reader = new FileReader();
          reader.onload = function () { img.setAttribute('src', reader.result); done(); };
          reader.onerror = fail;
          reader.readAsDataURL(blob);
        });
      });
    })).then(function () {
      Array.prototype.forEach.call(article.querySelectorAll('a[href]'), function (a) { a.href = new URL(a.getAttribute('href'), location.href).href; });
      var from = document.createElement('p');
      from.textContent = button.getAttribute('data-from') + ' ' + location.href.split('#')[0];
      article.appendChild(from);
      var style = 'body{max-width:46em;margin:2em auto;padding:0 1em;font:17px/1.6 Georgia,"Times New Roman",serif;color:#111}' +
        'img{max-width:100%;height:auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}' +
        '.print-url{display:none}.byline{text-align:right;font-weight:700}';
      var html = '<!DOCTYPE html>\n<html lang="' + document.documentElement.lang + '">\n<head>\n<meta charset="utf-8">\n' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>' + escapeHtml(document.title) + '</title>\n' +
        '<style>' + style + '</style>\n</head>\n<body>\n' + article.outerHTML + '\n</body>\n</html>\n';
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      link.download = button.getAttribute('data-file');
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    });
  }

  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // "LIÊN KẾT WEB" as a drop-down: goes only when the button is pressed, never on change alone.
  var links = document.querySelector('.links-select');
  if (links) {
    links.hidden = false;
    links.addEventListener('submit', function (event) {
      event.preventDefault();
      var url = links.querySelector('select').value;
      if (url) location.href = url;
    });
  }
})();
