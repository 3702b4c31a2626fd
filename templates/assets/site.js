// The theme's only script (the menu toggle is inline in base.njk). Everything here is an
// enhancement: without it the date form lands on the archive index and the plain link list shows.
(function () {
  // "Xem theo ngày": the chosen day's archive, or the nearest earlier day that has articles. The
  // list of days is a static file, so no server is involved.
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
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var wanted = form.querySelector('input[type="date"]').value;
      var message = form.querySelector('.date-picker-message');
      if (!wanted) return;
      message.textContent = '';
      load().then(function (list) {
        // The list is sorted newest first: the first day not after the chosen one is the nearest.
        var day = list.find(function (d) { return d <= wanted; });
        if (!day) { message.textContent = message.getAttribute('data-none'); return; }
        location.href = form.getAttribute('data-archive') + day.replace(/-/g, '/') + '/';
      }).catch(function () { location.href = form.getAttribute('data-archive'); });
    });
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
