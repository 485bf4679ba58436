// The header's "Meny" disclosure on a narrow screen (MainLayout, .site-menu): it closes when a link in it leads to
// another page (Blazor's enhanced navigation keeps the header's DOM, and with it the open state) and on Escape, which
// returns focus to its button.
(function () {
  function menu() {
    var details = document.getElementById('meny');
    return details && !details.classList.contains('site-menu--always') ? details : null;
  }
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener('enhancedload', function () {
      var details = menu();
      if (details) {
        details.open = false;
      }
    });
  }
  document.addEventListener('keydown', function (event) {
    var details = menu();
    if (event.key === 'Escape' && details && details.open) {
      details.open = false;
      details.querySelector('summary').focus();
    }
  });
})();
