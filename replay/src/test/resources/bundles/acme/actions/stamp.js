module.exports = { default: async function runAction(_nango) { return { at: new Date(0) }; } };
