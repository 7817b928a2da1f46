// Runs before the page is painted (a classic script at the top of <body>): tells GOV.UK
// Frontend's CSS that JavaScript runs and whether its ES modules are supported. A file, not
// an inline script, so that the Content Security Policy can forbid inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
