// Designsystemet's error-summary pattern for forms rendered on the server: focus the summary when it appears, mark
// each linked field invalid with its message beside it, and let a link in the summary move focus to its field.
(function () {
  function enhance() {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary || summary.dataset.enhanced) {
      return;
    }
    summary.dataset.enhanced = 'true';
    summary.querySelectorAll('a[data-for]').forEach(function (link) {
      var field = document.getElementById(link.dataset.for);
      if (!field) {
        return;
      }
      field.setAttribute('aria-invalid', 'true');
      var message = document.createElement('p');
      message.className = 'ds-validation-message';
      message.dataset.color = 'danger';
      message.id = field.id + '-feil';
      message.textContent = link.textContent;
      var holder = field.closest('.ds-field') || field.parentElement;
      holder.appendChild(message);
      var described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      described.push(message.id);
      field.setAttribute('aria-describedby', described.join(' '));
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var details = field.closest('details');
        if (details) {
          details.open = true;
        }
        field.focus();
        field.scrollIntoView({ block: 'center' });
      });
    });
    summary.focus();
  }
  document.addEventListener('DOMContentLoaded', enhance);
  if (document.readyState !== 'loading') {
    enhance();
  }
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener('enhancedload', enhance);
  }
})();
