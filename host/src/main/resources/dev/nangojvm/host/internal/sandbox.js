// The host's guard between script code and the Java bridge. Evaluated first in every context, as
// a function of the Java bridge and the policy's limits; it returns the only bridge the nango shim
// sees: a frozen plain object whose members check sizes before anything crosses, and which hands
// out genuine promises, so that no host object is ever reachable from script code (not even by a
// script that replaces Promise or JSON: the intrinsics are captured here, before any script runs).
(function (host, limitsJson) {
  'use strict';
  const limits = JSON.parse(limitsJson);
  const PromiseCtor = Promise;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const reject = PromiseCtor.reject.bind(PromiseCtor);

  // GraalJS globals that Nango's Node context does not have. Without host class lookup they reach
  // nothing, but they fingerprint the engine and are one configuration mistake away from the JVM.
  for (const name of ['Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'Polyglot', 'Graal',
    'load', 'loadWithNewGlobal', 'print', 'printErr', 'quit', 'exit', 'read', 'readbuffer', 'readline']) {
    Reflect.deleteProperty(globalThis, name);
  }

  function tooLarge(subject, chars) {
    const e = new ErrorCtor(`payload_too_large: ${subject} is ${chars} characters of JSON, more than the `
      + `${limits.maxBridgeMessageChars} this runtime accepts in one call; send less per call`);
    e.code = 'payload_too_large';
    return e;
  }

  function settle(thenable) {
    return new PromiseCtor((resolve, rejectWith) => { thenable.then(resolve, rejectWith); });
  }

  function clip(text) {
    // One character past the whole log budget is enough for the host to see the budget is gone.
    return text.length > limits.maxLogBytes ? text.slice(0, limits.maxLogBytes + 1) : text;
  }

  return Object.freeze({
    call(method, argsJson) {
      if (typeof method !== 'string' || typeof argsJson !== 'string') return reject(new TypeErrorCtor('bridge.call expects strings'));
      if (argsJson.length > limits.maxBridgeMessageChars) return reject(tooLarge(`the argument of nango.${method}`, argsJson.length));
      return settle(host.call(method, argsJson));
    },
    log(level, message, metaJson) {
      host.log(String(level), clip(String(message)), typeof metaJson === 'string' ? clip(metaJson) : null);
    },
    timer(millis) {
      return settle(host.timer(Number(millis)));
    },
  });
})
