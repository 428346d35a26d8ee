// The gallery's only script: copy buttons, "/" to focus search, search suggestions, theme switch.
// Everything is delegated from document, so it keeps working after Blazor's enhanced navigation.
(() => {
  'use strict';

  document.addEventListener('click', async (event) => {
    const copy = event.target.closest('[data-copy]');
    if (copy) {
      const text = copy.getAttribute('data-copy');
      const done = copy.querySelector('.copy-done');
      try {
        await navigator.clipboard.writeText(text);
        if (done) done.textContent = 'Copied';
      } catch {
        if (done) done.textContent = 'Copy failed';
      }
      copy.classList.add('copied');
      setTimeout(() => { copy.classList.remove('copied'); if (done) done.textContent = ''; }, 1500);
      return;
    }
    const theme = event.target.closest('[data-theme-toggle]');
    if (theme) {
      document.cookie = `gallery-theme=${theme.getAttribute('data-theme-toggle')}; path=/; max-age=31536000; samesite=lax`;
      location.reload();
    }
  });

  // "/" focuses the main search box (the home page's, else the header's), unless typing somewhere already.
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    const box = document.getElementById('home-search-input') || document.getElementById('header-search-input');
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  // Suggestions under a search box (an ARIA combobox with a listbox): /api/suggest as you type, debounced;
  // arrows move, Enter opens the selected one, Escape closes.
  let timer = 0;
  let controller = null;
  document.addEventListener('input', (event) => {
    const input = event.target.closest('input[data-suggest]');
    if (!input) return;
    clearTimeout(timer);
    timer = setTimeout(() => suggest(input), 120);
  });

  function option(list, i, href, label, detail) {
    const li = document.createElement('li');
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.id = `${list.id}-${i}`;
    const a = document.createElement('a');
    a.href = href;
    a.tabIndex = -1;
    a.textContent = label;
    const small = document.createElement('small');
    small.textContent = detail || '';
    a.appendChild(small);
    li.appendChild(a);
    return li;
  }

  async function suggest(input) {
    const list = document.getElementById(input.getAttribute('data-suggest'));
    const text = input.value.trim();
    if (!list) return;
    if (text.length < 2) { close(list, input); return; }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/suggest?q=${encodeURIComponent(text)}`, { signal: controller.signal });
      if (!response.ok) return;
      const result = await response.json();
      const options = [
        ...result.publishers.map((p) => [`/${p.alias}`, p.displayName || p.alias, `publisher · ${p.repositories} repositories`]),
        ...result.repositories.map((r) => [`/${r.fullName}`, r.fullName, r.description]),
      ].map(([href, label, detail], i) => option(list, i, href, label, detail));
      list.replaceChildren(...options);
      list.hidden = options.length === 0;
      input.setAttribute('aria-expanded', String(!list.hidden));
      input.removeAttribute('aria-activedescendant');
    } catch { /* aborted or offline: no suggestions */ }
  }

  function close(list, input) {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  document.addEventListener('keydown', (event) => {
    const input = event.target.closest?.('input[data-suggest]');
    if (!input) return;
    const list = document.getElementById(input.getAttribute('data-suggest'));
    if (!list || list.hidden) return;
    const options = [...list.querySelectorAll('[role=option]')];
    let index = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      index = event.key === 'ArrowDown' ? Math.min(options.length - 1, index + 1) : Math.max(0, index - 1);
      options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
      input.setAttribute('aria-activedescendant', options[index].id);
    } else if (event.key === 'Enter' && index >= 0) {
      event.preventDefault();
      location.href = options[index].querySelector('a').href;
    } else if (event.key === 'Escape') {
      close(list, input);
    }
  });

  document.addEventListener('focusout', (event) => {
    const form = event.target.closest?.('form');
    const input = form?.querySelector('input[data-suggest]');
    if (!input) return;
    setTimeout(() => {
      if (!form.contains(document.activeElement)) {
        const list = document.getElementById(input.getAttribute('data-suggest'));
        if (list) close(list, input);
      }
    }, 150);
  });
})();
