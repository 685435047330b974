const status = document.querySelector('#status');
if (status) status.textContent = 'ready';
