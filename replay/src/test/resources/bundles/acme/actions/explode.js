module.exports = { default: async function runAction(nango) {
  throw new nango.ActionError({ message: "nope" });
} };
