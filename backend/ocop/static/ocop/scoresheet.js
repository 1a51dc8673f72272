// Live totals for the score sheet. Only a preview: the server recomputes on save.
(function () {
  var form = document.getElementById("score-sheet");
  if (!form) return;
  var bands = JSON.parse(form.dataset.bands);
  function cents(value) { return Math.round(parseFloat(value) * 100); }
  function update() {
    var members = form.querySelectorAll("thead input").length;
    var total = 0, complete = true;
    form.querySelectorAll("tbody[data-part]").forEach(function (part) {
      var partTotal = 0;
      part.querySelectorAll("tr[data-criterion]").forEach(function (row) {
        var sum = 0, filled = 0;
        row.querySelectorAll("input").forEach(function (input) {
          if (input.value !== "") { sum += cents(input.value); filled += 1; }
        });
        if (filled < members) complete = false;
        var average = filled ? Math.floor(sum / filled) / 100 : 0;
        row.querySelector("[data-average]").textContent = filled ? average.toFixed(2) : "–";
        partTotal += filled ? sum / filled : 0;
      });
      part.querySelector("[data-part-total]").textContent = (Math.floor(partTotal) / 100).toFixed(2);
      total += partTotal;
    });
    var score = Math.floor(total) / 100;
    var stars = 1;
    for (var i = 0; i < bands.length; i++) { if (score >= bands[i][0]) { stars = bands[i][1]; break; } }
    document.getElementById("sheet-total").textContent = score.toFixed(2) + (complete ? "" : " …");
    document.getElementById("sheet-stars").textContent = stars + "★";
  }
  form.addEventListener("input", update);
  update();
})();
