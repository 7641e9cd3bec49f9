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

  // Some generic Array builtins, applied to an array-like object ({ length: 2 ** 32 - 1 }), loop in
  // Java without ever polling for cancellation: close(true) cannot stop them for minutes, and they
  // allocate nothing a budget would see. Refuse huge array-likes up front (real arrays, and calls
  // with a callback, which polls, are untouched). Measured in SECURITY.md.
  const MAX_ARRAY_LIKE = 1000000;
  // toReversed/toSpliced/with materialise holes: a sparse real array of length 2 ** 32 - 1 is as bad.
  const MAX_MATERIALISED = 1 << 24;
  const isArray = Array.isArray;
  const reflectApply = Reflect.apply;
  const RangeErrorCtor = RangeError;
  const defineProperty = Object.defineProperty;
  function checkLength(o, name, max, realArraysToo) {
    if (o !== null && o !== undefined && (realArraysToo || !isArray(o))) {
      const n = Number(o.length);
      if (n > max) throw new RangeErrorCtor(`${name} refuses an array-like of length ${n}: at most ${max} in this runtime`);
    }
  }
  for (const name of ['indexOf', 'lastIndexOf', 'includes', 'splice', 'toSpliced', 'slice', 'shift', 'unshift', 'flat',
    'toReversed', 'reverse', 'fill', 'copyWithin', 'with']) {
    const original = Array.prototype[name];
    if (typeof original !== 'function') continue;
    const materialises = name === 'toReversed' || name === 'toSpliced' || name === 'with';
    const guarded = {
      [name](...args) {
        checkLength(this, 'Array.prototype.' + name, MAX_ARRAY_LIKE, false);
        if (materialises) checkLength(this, 'Array.prototype.' + name, MAX_MATERIALISED, true);
        return reflectApply(original, this, args);
      },
    }[name];
    defineProperty(guarded, 'length', { value: original.length });
    defineProperty(Array.prototype, name, { value: guarded, writable: true, configurable: true, enumerable: false });
  }
  const arrayFrom = Array.from;
  const iteratorSymbol = Symbol.iterator;
  defineProperty(Array, 'from', {
    value: {
      from(items, ...rest) {
        // With a mapping function every element calls back into JS, which polls: only the bare form loops unseen.
        if (typeof rest[0] !== 'function' && items !== null && items !== undefined && typeof items[iteratorSymbol] !== 'function') {
          checkLength(items, 'Array.from', MAX_ARRAY_LIKE, false);
        }
        return reflectApply(arrayFrom, this, [items, ...rest]);
      },
    }.from,
    writable: true, configurable: true, enumerable: false,
  });

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
