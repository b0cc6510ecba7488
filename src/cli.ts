console.log(`hugo-prerender ${__PKG_VERSION__}`);
