module.exports = { default: async function runAction(nango) { return { at: String(await nango.getToken()) }; } };
