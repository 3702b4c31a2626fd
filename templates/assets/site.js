// "Xem theo ngày": goes to the chosen day's archive, or the nearest earlier day that has articles.
// The list of days is a static file, so no server is involved.
(function () {
  var form = document.querySelector('.date-picker');
  if (!form) return;
  var days = null;
  function load() {
    if (!days) days = fetch(form.dataset.days).then(function (r) { return r.json(); });
    return days;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var wanted = form.querySelector('input[type="date"]').value;
    var message = form.querySelector('.date-picker-message');
    if (!wanted) return;
    load().then(function (list) {
      // list is sorted newest first: the first day not after the chosen one is the nearest earlier.
      var day = list.find(function (d) { return d <= wanted; });
      if (!day) { message.textContent = message.dataset.none; return; }
      location.href = form.dataset.archive + day.replace(/-/g, '/') + '/';
    }).catch(function () { location.href = form.dataset.archive; });
  });
})();
