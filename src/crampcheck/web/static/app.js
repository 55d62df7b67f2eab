// Progressive enhancement only: the forms work without this file.
// Fill the diary form with the browser's own local time and UTC offset.
(function () {
  var at = document.getElementById("at");
  var tz = document.getElementById("tz");
  if (!at || !tz) return;
  var now = new Date();
  var off = -now.getTimezoneOffset();
  var sign = off >= 0 ? "+" : "-";
  var abs = Math.abs(off);
  function two(n) { return (n < 10 ? "0" : "") + n; }
  tz.value = sign + two(Math.floor(abs / 60)) + two(abs % 60);
  if (!at.dataset.touched) {
    at.value = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate()) +
      "T" + two(now.getHours()) + ":" + two(now.getMinutes());
  }
})();
