// While a contributor types the title and summary, show similar lessons already in the library.
// Without JavaScript the same list appears on the preview page after saving.
const panel = document.getElementById('similar');
const title = document.getElementById('title');
const summary = document.getElementById('summary');

if (panel && title && summary) {
  let timer;
  let last = '';
  const refresh = async () => {
    const text = `${title.value}\n${summary.value}`.trim();
    if (text.length < 12 || text === last) {
      return;
    }
    last = text;
    const url = `${panel.dataset.similarUrl}?title=${encodeURIComponent(title.value)}&summary=${encodeURIComponent(summary.value)}`;
    try {
      const response = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (response.ok) {
        panel.innerHTML = await response.text();
        panel.hidden = panel.textContent.trim() === '';
      }
    } catch (error) {
      panel.hidden = true;
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 600);
  };
  title.addEventListener('input', schedule);
  summary.addEventListener('input', schedule);
}
