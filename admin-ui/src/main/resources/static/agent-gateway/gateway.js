// Progressive enhancement only: every page works without this file. It reveals the copy
// buttons (hidden in the HTML, so nobody without scripts meets a dead button) and copies
// the text of the block each one names. Served as a file: the Content-Security-Policy
// allows no inline script.
(function () {
	'use strict';

	function announce(text) {
		var status = document.getElementById('copy-status');
		if (status) {
			status.textContent = '';
			status.textContent = text;
		}
	}

	function copied(button, label, ok) {
		button.textContent = ok ? 'Copied' : 'Select the text and copy it';
		announce(ok ? 'Copied to the clipboard.' : 'Copying failed: select the text and copy it.');
		window.setTimeout(function () {
			button.textContent = label;
		}, 2500);
	}

	// Older or locked-down browsers have no asynchronous clipboard: select the block so a
	// person can copy it with the keyboard, and try the legacy copy command.
	function fallback(block) {
		var range = document.createRange();
		range.selectNodeContents(block);
		var selection = window.getSelection();
		selection.removeAllRanges();
		selection.addRange(range);
		try {
			return document.execCommand('copy');
		} catch (e) {
			return false;
		}
	}

	function wire(button) {
		var block = document.getElementById(button.getAttribute('data-copy'));
		if (!block) {
			return;
		}
		var label = button.textContent;
		button.hidden = false;
		button.addEventListener('click', function () {
			var text = block.textContent;
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(text).then(function () {
					copied(button, label, true);
				}, function () {
					copied(button, label, fallback(block));
				});
			} else {
				copied(button, label, fallback(block));
			}
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), wire);
	});
}());
