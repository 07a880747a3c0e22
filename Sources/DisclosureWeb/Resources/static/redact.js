// Region drawing on the redaction page (issue 23 §2). The page works without this script: every
// region is a form field. With it, a box dragged on a page picture fills the next empty manual
// row with its page and its place in percent of the page (the same measure the server reads), and
// every chosen region — proposals ticked, rows filled — is outlined on its page, so the clerk sees
// what will be burnt before generating the copy. Served from /static: the CSP allows no inline
// script, and styles are set through the CSSOM, which the CSP allows.
(function () {
  "use strict";
  var form = document.querySelector("form[data-redaction]");
  if (!form) return;
  var sheets = Array.prototype.slice.call(document.querySelectorAll(".redaction-page .sheet[data-page]"));
  var status = form.querySelector(".draw-status");
  var hint = form.querySelector(".draw-hint");
  if (hint) hint.hidden = false;
  var places = ["page", "left", "top", "width", "height"];

  function rows() { return Array.prototype.slice.call(form.querySelectorAll(".redaction-row")); }
  function field(row, name) { return row.querySelector("[name$='." + name + "']"); }
  function isEmpty(row) {
    return places.every(function (name) { return field(row, name).value.trim() === ""; });
  }
  function say(text) { if (status) status.textContent = text; }
  function clamp(value) { return Math.max(0, Math.min(100, value)); }
  function rounded(value) { return String(Math.round(value * 100) / 100); }

  function place(box, left, top, width, height) {
    box.style.left = left + "%";
    box.style.top = top + "%";
    box.style.width = width + "%";
    box.style.height = height + "%";
  }

  function outline(page, left, top, width, height, label, kind) {
    var sheet = sheets.filter(function (s) { return s.getAttribute("data-page") === String(page); })[0];
    if (!sheet || [left, top, width, height].some(function (n) { return !isFinite(n); })) return;
    var box = document.createElement("span");
    box.className = "region " + kind;
    box.setAttribute("aria-hidden", "true");
    box.textContent = label;
    place(box, clamp(left), clamp(top), clamp(width), clamp(height));
    sheet.appendChild(box);
  }

  // Every outline is redrawn from the form's fields, which stay the only truth.
  function redraw() {
    sheets.forEach(function (sheet) {
      Array.prototype.slice.call(sheet.querySelectorAll(".region")).forEach(function (box) { box.remove(); });
    });
    Array.prototype.slice.call(form.querySelectorAll("li.proposal")).forEach(function (item, index) {
      var use = item.querySelector("input[type=checkbox]");
      if (!use || !use.checked) return;
      outline(item.getAttribute("data-page"), parseFloat(item.getAttribute("data-left")), parseFloat(item.getAttribute("data-top")),
        parseFloat(item.getAttribute("data-width")), parseFloat(item.getAttribute("data-height")), "建议 " + (index + 1), "proposed");
    });
    rows().forEach(function (row, index) {
      if (isEmpty(row)) return;
      var numbers = places.map(function (name) { return parseFloat(field(row, name).value); });
      outline(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], "手工 " + (index + 1), "manual");
    });
  }

  function percentAt(sheet, event) {
    var rect = sheet.getBoundingClientRect();
    return {
      x: clamp((event.clientX - rect.left) / rect.width * 100),
      y: clamp((event.clientY - rect.top) / rect.height * 100)
    };
  }

  sheets.forEach(function (sheet) {
    var start = null;
    var live = null;
    sheet.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      event.preventDefault();
      start = percentAt(sheet, event);
      live = document.createElement("span");
      live.className = "region drawing";
      live.setAttribute("aria-hidden", "true");
      place(live, start.x, start.y, 0, 0);
      sheet.appendChild(live);
      sheet.setPointerCapture(event.pointerId);
    });
    sheet.addEventListener("pointermove", function (event) {
      if (!start) return;
      var now = percentAt(sheet, event);
      place(live, Math.min(start.x, now.x), Math.min(start.y, now.y), Math.abs(now.x - start.x), Math.abs(now.y - start.y));
    });
    function finish(event) {
      if (!start) return;
      var end = percentAt(sheet, event);
      var left = Math.min(start.x, end.x), top = Math.min(start.y, end.y);
      var width = Math.abs(end.x - start.x), height = Math.abs(end.y - start.y);
      start = null;
      live.remove();
      live = null;
      // A click, not a drag: nothing to cover.
      if (width < 0.5 || height < 0.3) return;
      var free = rows().filter(isEmpty);
      if (free.length === 0) {
        say("手工区域已全部填满：请先生成遮盖后的文件，再对遮盖后的文件继续遮盖。");
        return;
      }
      var row = free[0];
      var values = [sheet.getAttribute("data-page"), rounded(left), rounded(top), rounded(width), rounded(height)];
      places.forEach(function (name, index) { field(row, name).value = values[index]; });
      var number = rows().indexOf(row) + 1;
      say("已把第 " + values[0] + " 页框选的区域填入手工区域第 " + number + " 行，请填写内容并选择理由。");
      field(row, "what").focus({ preventScroll: true });
      redraw();
    }
    sheet.addEventListener("pointerup", finish);
    sheet.addEventListener("pointercancel", function () {
      start = null;
      if (live) live.remove();
      live = null;
    });
  });

  form.addEventListener("input", redraw);
  form.addEventListener("change", redraw);
  redraw();
})();
