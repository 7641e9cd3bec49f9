// The Node.js surface Nango scripts rely on and GraalJS lacks: Buffer, URL, URLSearchParams,
// TextEncoder/TextDecoder, atob/btoa, structuredClone, queueMicrotask, and the modules 'crypto'
// and 'url'. Evaluated in every execution context before the shim, as a function of the host's
// NodeCrypto, which stays in this closure: scripts only ever see plain JavaScript values.
//
// Cost matters (one evaluation per execution): the classes are built on first use, behind
// self-replacing accessors on globalThis, and nothing here builds a table at load time.
(function (hostCrypto) {
  'use strict';

  // ---- small helpers ---------------------------------------------------------------------------
  const CHUNK = 8192;

  function once(build) {
    let value;
    return () => (value === undefined ? (value = build()) : value);
  }

  function defineGlobal(name, value) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
    return value;
  }

  // A global built on first read; afterwards (or once assigned) an ordinary data property.
  function lazyGlobal(name, build) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get() { return defineGlobal(name, build()); },
      set(value) { defineGlobal(name, value); },
    });
  }

  function nodeError(Type, code, message) {
    const e = new Type(message);
    e.code = code;
    return e;
  }

  // Node's error messages end with what was received; scripts sometimes log them.
  function received(v) {
    if (v === null || v === undefined) return ` Received ${v}`;
    if (typeof v === 'function') return ` Received function ${v.name || '<anonymous>'}`;
    if (typeof v === 'object') {
      const name = v.constructor && v.constructor.name;
      return name ? ` Received an instance of ${name}` : ' Received [object]';
    }
    let s = typeof v === 'symbol' ? v.toString() : String(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    return ` Received type ${typeof v} (${typeof v === 'string' ? `'${s}'` : s})`;
  }

  function invalidArg(name, expected, value) {
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be ${expected}.` + received(value));
  }

  // What Node throws as DOMException; only the observable name/code/message are reproduced.
  function domException(message, name, code) {
    const e = new Error(message);
    e.name = name;
    e.code = code;
    return e;
  }

  const isArrayBuffer = (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);

  // Any binary input as a Uint8Array over the same memory, or undefined.
  function bytesView(v) {
    if (v instanceof Uint8Array) return v;
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (isArrayBuffer(v)) return new Uint8Array(v);
    return undefined;
  }

  // A regular expression costs a compilation in every fresh context, so hot paths scan by hand.
  function isAscii(s) {
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
    return true;
  }

  // ---- encodings: utf8, utf16le, latin1, ascii, hex, base64, base64url ---------------------------
  function latin1Of(u8, start, end) {
    let s = '';
    for (let i = start; i < end; i += CHUNK) {
      s += String.fromCharCode.apply(null, new Uint8Array(u8.buffer, u8.byteOffset + i, Math.min(CHUNK, end - i)));
    }
    return s;
  }

  function asciiOf(u8, start, end) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(u8[i] & 0x7f);
    return s;
  }

  function latin1Write(s, out, pos, end) {
    const n = Math.min(s.length, end - pos);
    for (let i = 0; i < n; i++) out[pos + i] = s.charCodeAt(i);
    return n;
  }

  function utf8Length(s) {
    let n = s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) continue;
      if (c < 0x800) { n += 1; continue; }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 2; i++; continue; }
      n += 2;
    }
    return n;
  }

  // Writes whole characters only; a lone surrogate becomes U+FFFD. `lastRead` tells how many
  // UTF-16 code units were consumed (for TextEncoder.encodeInto).
  let lastRead = 0;
  function utf8Write(s, out, pos, end) {
    const start = pos;
    let i = 0;
    for (; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (pos >= end) break;
        out[pos++] = c;
      } else if (c < 0x800) {
        if (pos + 2 > end) break;
        out[pos++] = 0xc0 | (c >> 6);
        out[pos++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
          if ((d & 0xfc00) === 0xdc00) {
            if (pos + 4 > end) break;
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            out[pos++] = 0xf0 | (c >> 18);
            out[pos++] = 0x80 | ((c >> 12) & 0x3f);
            out[pos++] = 0x80 | ((c >> 6) & 0x3f);
            out[pos++] = 0x80 | (c & 0x3f);
            i++;
            continue;
          }
          c = 0xfffd;
        }
        if (pos + 3 > end) break;
        out[pos++] = 0xe0 | (c >> 12);
        out[pos++] = 0x80 | ((c >> 6) & 0x3f);
        out[pos++] = 0x80 | (c & 0x3f);
      }
    }
    lastRead = i;
    return pos - start;
  }

  // The WHATWG UTF-8 decoder: every maximal invalid subsequence becomes one U+FFFD, as in V8.
  // `state` (or null) carries an incomplete sequence between calls of a streaming TextDecoder.
  function utf8Decode(u8, start, end, state, fatal, flush) {
    let needed = 0, seen = 0, cp = 0, lower = 0x80, upper = 0xbf;
    if (state) ({ needed, seen, cp, lower, upper } = state);
    if (needed === 0) {
      let i = start;
      while (i < end && u8[i] < 0x80) i++;
      if (i === end) return latin1Of(u8, start, end);
    }
    let out = '';
    const units = [];
    const invalid = () => {
      if (fatal) throw nodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
      units.push(0xfffd);
    };
    for (let i = start; i < end; i++) {
      const b = u8[i];
      if (needed === 0) {
        if (b < 0x80) units.push(b);
        else if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
        else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) lower = 0xa0; else if (b === 0xed) upper = 0x9f;
          needed = 2; cp = b & 0x0f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) lower = 0x90; else if (b === 0xf4) upper = 0x8f;
          needed = 3; cp = b & 0x07;
        } else invalid();
      } else if (b < lower || b > upper) {
        needed = seen = cp = 0; lower = 0x80; upper = 0xbf;
        invalid();
        i--; // the byte starts over as a new sequence
      } else {
        lower = 0x80; upper = 0xbf;
        cp = (cp << 6) | (b & 0x3f);
        if (++seen === needed) {
          if (cp > 0xffff) { cp -= 0x10000; units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); } else units.push(cp);
          needed = seen = cp = 0;
        }
      }
      if (units.length >= CHUNK) { out += String.fromCharCode.apply(null, units); units.length = 0; }
    }
    if (needed !== 0 && flush) {
      needed = seen = cp = 0; lower = 0x80; upper = 0xbf;
      invalid();
    }
    if (state) Object.assign(state, { needed, seen, cp, lower, upper });
    return out + String.fromCharCode.apply(null, units);
  }

  function utf16Write(s, out, pos, end) {
    const n = Math.min(s.length, (end - pos) >> 1);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      out[pos + 2 * i] = c & 0xff;
      out[pos + 2 * i + 1] = c >> 8;
    }
    return 2 * n;
  }

  function utf16Of(u8, start, end) {
    let s = '';
    for (let i = start; i + 1 < end; i += 2) s += String.fromCharCode(u8[i] | (u8[i + 1] << 8));
    return s;
  }

  const HEX_DIGITS = '0123456789abcdef';
  function hexOf(u8, start, end) {
    let s = '';
    for (let i = start; i < end; i++) s += HEX_DIGITS[u8[i] >> 4] + HEX_DIGITS[u8[i] & 15];
    return s;
  }

  function hexValue(c) {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
    return -1;
  }

  // Like Node: stops at the first pair that is not hexadecimal.
  function hexWrite(s, out, pos, end) {
    const start = pos;
    for (let i = 0; i + 1 < s.length && pos < end; i += 2) {
      const hi = hexValue(s.charCodeAt(i)), lo = hexValue(s.charCodeAt(i + 1));
      if (hi < 0 || lo < 0) break;
      out[pos++] = (hi << 4) | lo;
    }
    return pos - start;
  }

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function base64Of(u8, start, end, url) {
    const abc = url ? B64URL : B64;
    const parts = [];
    let s = '';
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (u8[i] << 16) | (u8[i + 1] << 8) | u8[i + 2];
      s += abc[n >> 18] + abc[(n >> 12) & 63] + abc[(n >> 6) & 63] + abc[n & 63];
      if (s.length >= CHUNK) { parts.push(s); s = ''; }
    }
    if (i < end) {
      const two = i + 1 < end;
      const n = (u8[i] << 16) | (two ? u8[i + 1] << 8 : 0);
      s += abc[n >> 18] + abc[(n >> 12) & 63] + (two ? abc[(n >> 6) & 63] : url ? '' : '=') + (url ? '' : '=');
    }
    parts.push(s);
    return parts.join('');
  }

  const base64Table = once(() => {
    const t = new Int8Array(128).fill(-1);
    for (let i = 0; i < 64; i++) { t[B64.charCodeAt(i)] = i; t[B64URL.charCodeAt(i)] = i; }
    return t;
  });

  // Node's lenient decoder: both alphabets, other characters skipped, stops at the first '='.
  function base64Write(s, out, pos, end) {
    const table = base64Table();
    const start = pos;
    let acc = 0, bits = 0;
    for (let i = 0; i < s.length && pos < end; i++) {
      const c = s.charCodeAt(i);
      if (c === 61) break;
      const v = c < 128 ? table[c] : -1;
      if (v < 0) continue;
      acc = ((acc << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) { bits -= 8; out[pos++] = (acc >> bits) & 0xff; }
    }
    return pos - start;
  }

  function base64Length(s) {
    let n = s.length;
    if (n > 0 && s.charCodeAt(n - 1) === 61) n--;
    if (n > 0 && s.charCodeAt(n - 1) === 61) n--;
    return (n * 3) >>> 2;
  }

  function encodingOf(e) {
    switch (e) {
      case undefined: case null: case '': case 'utf8': case 'utf-8': return 'utf8';
      case 'hex': case 'base64': case 'base64url': case 'latin1': case 'ascii': case 'utf16le': return e;
    }
    switch (String(e).toLowerCase()) {
      case 'utf8': case 'utf-8': return 'utf8';
      case 'hex': return 'hex';
      case 'base64': return 'base64';
      case 'base64url': return 'base64url';
      case 'latin1': case 'binary': return 'latin1';
      case 'ascii': return 'ascii';
      case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
      default: return undefined;
    }
  }

  function requireEncoding(e) {
    const enc = encodingOf(e);
    if (enc === undefined) throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${e}`);
    return enc;
  }

  function byteLengthOf(s, enc) {
    switch (enc) {
      case 'utf8': return utf8Length(s);
      case 'hex': return s.length >>> 1;
      case 'base64': case 'base64url': return base64Length(s);
      case 'utf16le': return s.length * 2;
      default: return s.length;
    }
  }

  function writeString(s, enc, out, pos, end) {
    switch (enc) {
      case 'utf8': return utf8Write(s, out, pos, end);
      case 'hex': return hexWrite(s, out, pos, end);
      case 'base64': case 'base64url': return base64Write(s, out, pos, end);
      case 'utf16le': return utf16Write(s, out, pos, end);
      default: return latin1Write(s, out, pos, end);
    }
  }

  function stringOf(u8, enc, start, end) {
    switch (enc) {
      case 'utf8': return utf8Decode(u8, start, end, null, false, true);
      case 'hex': return hexOf(u8, start, end);
      case 'base64': return base64Of(u8, start, end, false);
      case 'base64url': return base64Of(u8, start, end, true);
      case 'utf16le': return utf16Of(u8, start, end);
      case 'ascii': return asciiOf(u8, start, end);
      default: return latin1Of(u8, start, end);
    }
  }

  // ---- Buffer ----------------------------------------------------------------------------------
  const bufferClass = once(() => {
    class Buffer extends Uint8Array {
      // Node's deprecated `new Buffer(...)` forms, and what TypedArray species construction passes.
      constructor(arg, encodingOrOffset, length) {
        if (typeof arg === 'number' || isArrayBuffer(arg)) {
          super(arg, encodingOrOffset, length);
        } else {
          const b = Buffer.from(arg, encodingOrOffset, length);
          super(b.buffer, b.byteOffset, b.length);
        }
      }

      static from(value, encodingOrOffset, length) {
        if (typeof value === 'string') return fromString(value, encodingOrOffset);
        if (typeof value === 'object' && value !== null) {
          if (isArrayBuffer(value)) return new Buffer(value, encodingOrOffset === undefined ? 0 : +encodingOrOffset, length);
          if (ArrayBuffer.isView(value)) {
            if (value instanceof DataView) return copyBytes(bytesView(value));
            const b = new Buffer(value.length);
            b.set(value);
            return b;
          }
          const primitive = typeof value.valueOf === 'function' ? value.valueOf() : value;
          if (primitive !== value && primitive !== null && primitive !== undefined) return Buffer.from(primitive, encodingOrOffset, length);
          if (typeof value.length === 'number') return fromArrayLike(value);
          if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
          if (typeof value[Symbol.toPrimitive] === 'function') {
            const s = value[Symbol.toPrimitive]('string');
            if (typeof s === 'string') return fromString(s, encodingOrOffset);
          }
        }
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The first argument must be of type string or an instance of Buffer, '
          + 'ArrayBuffer, or Array or an Array-like Object.' + received(value));
      }

      static alloc(size, fill, encoding) {
        const b = new Buffer(checkSize(size));
        if (fill !== undefined && fill !== 0 && b.length > 0) b.fill(fill, encoding);
        return b;
      }

      static allocUnsafe(size) { return new Buffer(checkSize(size)); }

      static allocUnsafeSlow(size) { return new Buffer(checkSize(size)); }

      static byteLength(value, encoding) {
        if (typeof value === 'string') return byteLengthOf(value, requireEncoding(encoding));
        if (ArrayBuffer.isView(value) || isArrayBuffer(value)) return value.byteLength;
        throw invalidArg('string', 'of type string or an instance of Buffer or ArrayBuffer', value);
      }

      static concat(list, totalLength) {
        if (!Array.isArray(list)) throw invalidArg('list', 'an instance of Array', list);
        for (let i = 0; i < list.length; i++) {
          if (!(list[i] instanceof Uint8Array)) throw invalidArg(`list[${i}]`, 'an instance of Buffer or Uint8Array', list[i]);
        }
        if (totalLength === undefined) totalLength = list.reduce((n, b) => n + b.length, 0);
        const out = new Buffer(checkSize(totalLength));
        let pos = 0;
        for (const b of list) {
          if (pos >= out.length) break;
          const n = Math.min(b.length, out.length - pos);
          out.set(n === b.length ? b : new Uint8Array(b.buffer, b.byteOffset, n), pos);
          pos += n;
        }
        return out;
      }

      static isBuffer(value) { return value instanceof Buffer; }

      static isEncoding(encoding) { return typeof encoding === 'string' && encoding !== '' && encodingOf(encoding) !== undefined; }

      static compare(a, b) {
        if (!(a instanceof Uint8Array)) throw invalidArg('buf1', 'an instance of Buffer or Uint8Array', a);
        if (!(b instanceof Uint8Array)) throw invalidArg('buf2', 'an instance of Buffer or Uint8Array', b);
        return compareBytes(a, 0, a.length, b, 0, b.length);
      }

      toString(encoding, start, end) {
        const len = this.length;
        start = start === undefined || start < 0 ? 0 : Math.min(start | 0, len);
        end = end === undefined || end > len ? len : end | 0;
        if (end <= start) return '';
        return stringOf(this, requireEncoding(encoding), start, end);
      }

      toLocaleString(encoding, start, end) { return this.toString(encoding, start, end); }

      toJSON() { return { type: 'Buffer', data: Array.from(this) }; }

      equals(other) {
        if (!(other instanceof Uint8Array)) throw invalidArg('otherBuffer', 'an instance of Buffer or Uint8Array', other);
        return compareBytes(this, 0, this.length, other, 0, other.length) === 0;
      }

      compare(target, targetStart = 0, targetEnd = target.length, sourceStart = 0, sourceEnd = this.length) {
        if (!(target instanceof Uint8Array)) throw invalidArg('target', 'an instance of Buffer or Uint8Array', target);
        return compareBytes(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
      }

      // Node's slice shares memory, unlike Uint8Array's.
      slice(start, end) { return this.subarray(start, end); }

      write(string, offset, length, encoding) {
        if (typeof string !== 'string') throw invalidArg('string', 'of type string', string);
        if (typeof offset === 'string') { encoding = offset; offset = undefined; length = undefined; }
        else if (typeof length === 'string') { encoding = length; length = undefined; }
        offset = offset === undefined ? 0 : offset >>> 0;
        if (offset > this.length) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
        const room = this.length - offset;
        const end = offset + (length === undefined ? room : Math.min(room, length >>> 0));
        return writeString(string, requireEncoding(encoding), this, offset, end);
      }

      copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
        if (!(target instanceof Uint8Array)) throw invalidArg('target', 'an instance of Buffer or Uint8Array', target);
        sourceEnd = Math.min(sourceEnd, this.length);
        const n = Math.max(0, Math.min(sourceEnd - sourceStart, target.length - targetStart));
        if (n > 0) target.set(new Uint8Array(this.buffer, this.byteOffset + sourceStart, n), targetStart);
        return n;
      }

      fill(value, offset, end, encoding) {
        if (typeof offset === 'string') { encoding = offset; offset = undefined; end = undefined; }
        else if (typeof end === 'string') { encoding = end; end = undefined; }
        offset = offset === undefined ? 0 : offset;
        end = end === undefined ? this.length : end;
        let pattern;
        if (typeof value === 'string') pattern = Buffer.from(value, encoding);
        else if (value instanceof Uint8Array) pattern = value;
        else return super.fill(Number(value) & 255, offset, end);
        if (pattern.length === 0) return super.fill(0, offset, end);
        for (let i = offset, j = 0; i < end; i++, j = (j + 1) % pattern.length) this[i] = pattern[j];
        return this;
      }

      indexOf(value, byteOffset, encoding) { return indexOfBytes(this, value, byteOffset, encoding); }

      includes(value, byteOffset, encoding) { return indexOfBytes(this, value, byteOffset, encoding) !== -1; }
    }

    function checkSize(size) {
      if (typeof size !== 'number') throw invalidArg('size', 'of type number', size);
      if (!(size >= 0 && size <= 0x7fffffff)) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`);
      }
      return size;
    }

    function fromString(s, encoding) {
      const enc = requireEncoding(encoding);
      const max = byteLengthOf(s, enc);
      const b = new Buffer(max);
      const n = writeString(s, enc, b, 0, max);
      return n === max ? b : b.subarray(0, n);
    }

    function fromArrayLike(a) {
      const b = new Buffer(a.length >>> 0);
      for (let i = 0; i < b.length; i++) b[i] = a[i];
      return b;
    }

    function copyBytes(u8) {
      const b = new Buffer(u8.length);
      b.set(u8);
      return b;
    }

    function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
      const n = Math.min(aEnd - aStart, bEnd - bStart);
      for (let i = 0; i < n; i++) {
        if (a[aStart + i] !== b[bStart + i]) return a[aStart + i] < b[bStart + i] ? -1 : 1;
      }
      const la = aEnd - aStart, lb = bEnd - bStart;
      return la === lb ? 0 : la < lb ? -1 : 1;
    }

    function indexOfBytes(buf, value, byteOffset, encoding) {
      if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
      let from = byteOffset === undefined ? 0 : +byteOffset || 0;
      if (from < 0) from = Math.max(buf.length + from, 0);
      if (typeof value === 'number') return Uint8Array.prototype.indexOf.call(buf, value & 255, from);
      const needle = typeof value === 'string' ? Buffer.from(value, encoding) : bytesView(value);
      if (needle === undefined) throw invalidArg('value', 'one of type number or string or an instance of Buffer or Uint8Array', value);
      if (needle.length === 0) return Math.min(from, buf.length);
      const first = needle[0];
      outer: for (let i = Uint8Array.prototype.indexOf.call(buf, first, from); i !== -1 && i + needle.length <= buf.length;
                  i = Uint8Array.prototype.indexOf.call(buf, first, i + 1)) {
        for (let j = 1; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
        return i;
      }
      return -1;
    }

    // readUInt16LE, writeInt32BE, readDoubleLE, readBigUInt64BE… and their Uint spellings.
    const numbers = [['UInt8', 'Uint8', 1], ['Int8', 'Int8', 1], ['UInt16', 'Uint16', 2], ['Int16', 'Int16', 2],
      ['UInt32', 'Uint32', 4], ['Int32', 'Int32', 4], ['Float', 'Float32', 4], ['Double', 'Float64', 8],
      ['BigUInt64', 'BigUint64', 8], ['BigInt64', 'BigInt64', 8]];
    for (const [name, view, size] of numbers) {
      for (const endian of size === 1 ? [''] : ['LE', 'BE']) {
        const little = endian === 'LE';
        const read = function (offset = 0) {
          checkOffset(this, offset, size);
          return new DataView(this.buffer, this.byteOffset, this.length)['get' + view](offset, little);
        };
        const write = function (value, offset = 0) {
          checkOffset(this, offset, size);
          new DataView(this.buffer, this.byteOffset, this.length)['set' + view](offset, value, little);
          return offset + size;
        };
        for (const spelling of name.includes('UInt') ? [name, name.replace('UInt', 'Uint')] : [name]) {
          Object.defineProperty(Buffer.prototype, 'read' + spelling + endian, { value: read, writable: true, configurable: true });
          Object.defineProperty(Buffer.prototype, 'write' + spelling + endian, { value: write, writable: true, configurable: true });
        }
      }
    }

    function checkOffset(buf, offset, size) {
      if (typeof offset !== 'number') throw invalidArg('offset', 'of type number', offset);
      if (!Number.isInteger(offset) || offset < 0 || offset + size > buf.length) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "offset" is out of range. It must be >= 0 and <= ${buf.length - size}. Received ${offset}`);
      }
    }

    Object.defineProperty(Buffer, 'poolSize', { value: 8192, writable: true, configurable: true, enumerable: true });
    return Buffer;
  });

  // ---- TextEncoder / TextDecoder (utf-8 only, as in Node's small-icu builds) ----------------------
  const textEncoderClass = once(() => class TextEncoder {
    get encoding() { return 'utf-8'; }

    encode(input = '') {
      const s = String(input);
      const out = new Uint8Array(utf8Length(s));
      utf8Write(s, out, 0, out.length);
      return out;
    }

    encodeInto(source, destination) {
      if (!(destination instanceof Uint8Array)) throw invalidArg('dest', 'an instance of Uint8Array', destination);
      const written = utf8Write(String(source), destination, 0, destination.length);
      return { read: lastRead, written };
    }

    get [Symbol.toStringTag]() { return 'TextEncoder'; }
  });

  const UTF8_LABELS = ['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'];
  const textDecoderClass = once(() => class TextDecoder {
    #fatal;
    #ignoreBOM;
    #state = null;
    #bomChecked = false;

    constructor(label = 'utf-8', options = undefined) {
      if (!UTF8_LABELS.includes(String(label).trim().toLowerCase())) {
        throw nodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
      }
      this.#fatal = Boolean(options && options.fatal);
      this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    }

    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }

    decode(input = undefined, options = undefined) {
      const u8 = input === undefined ? new Uint8Array(0) : bytesView(input);
      if (u8 === undefined) throw invalidArg('input', 'an instance of ArrayBuffer or ArrayBufferView', input);
      const stream = Boolean(options && options.stream);
      if (this.#state === null) this.#state = { needed: 0, seen: 0, cp: 0, lower: 0x80, upper: 0xbf };
      let s = utf8Decode(u8, 0, u8.length, this.#state, this.#fatal, !stream);
      if (!this.#ignoreBOM && !this.#bomChecked && s.length > 0) {
        this.#bomChecked = true;
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      }
      if (!stream) { this.#state = null; this.#bomChecked = false; }
      return s;
    }

    get [Symbol.toStringTag]() { return 'TextDecoder'; }
  });

  // ---- atob / btoa (forgiving base64, binary strings) ------------------------------------------------
  function btoa(data) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "data" argument must be specified');
    const s = String(data);
    const u8 = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) throw domException('Invalid character', 'InvalidCharacterError', 5);
      u8[i] = c;
    }
    return base64Of(u8, 0, u8.length, false);
  }

  function atob(data) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "data" argument must be specified');
    let s = String(data).replace(/[\t\n\f\r ]+/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) {
      throw domException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError', 5);
    }
    const out = new Uint8Array((s.length * 3) >>> 2);
    return latin1Of(out, 0, base64Write(s, out, 0, out.length));
  }

  // ---- structuredClone (the HTML structured serialisation of plain data) ----------------------------
  function structuredClone(value, options = undefined) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
    if (options && options.transfer && options.transfer.length > 0) {
      throw domException('Transferring objects is not supported', 'DataCloneError', 25);
    }
    return cloneValue(value, new Map());
  }

  const CLONEABLE_ERRORS = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
  const typedArrayName = (v) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get.call(v);

  // Decided by what an object is (its internal slots), not by its toStringTag; anything else
  // that is not a function or a known platform object is copied as a plain object.
  function cloneValue(v, memory) {
    if (typeof v === 'symbol' || typeof v === 'function') throw domException(`${String(v)} could not be cloned.`, 'DataCloneError', 25);
    if (v === null || typeof v !== 'object') return v;
    if (memory.has(v)) return memory.get(v);
    let copy;
    if (Array.isArray(v)) {
      copy = remember(memory, v, new Array(v.length));
    } else if (v instanceof Date) {
      return remember(memory, v, new Date(v.getTime()));
    } else if (v instanceof RegExp) {
      return remember(memory, v, new RegExp(v.source, v.flags));
    } else if (v instanceof Map) {
      copy = remember(memory, v, new Map());
      for (const [k, x] of v) copy.set(cloneValue(k, memory), cloneValue(x, memory));
      return copy;
    } else if (v instanceof Set) {
      copy = remember(memory, v, new Set());
      for (const x of v) copy.add(cloneValue(x, memory));
      return copy;
    } else if (isArrayBuffer(v)) {
      return remember(memory, v, v.slice(0));
    } else if (v instanceof DataView) {
      return remember(memory, v, new DataView(cloneValue(v.buffer, memory), v.byteOffset, v.byteLength));
    } else if (ArrayBuffer.isView(v)) {
      // A Buffer comes back as a Uint8Array, as in Node.
      const Ctor = globalThis[typedArrayName(v)];
      return remember(memory, v, new Ctor(cloneValue(v.buffer, memory), v.byteOffset, v.length));
    } else if (v instanceof Error) {
      const name = CLONEABLE_ERRORS.includes(v.name) ? v.name : 'Error';
      copy = remember(memory, v, new globalThis[name]());
      if (Object.getOwnPropertyDescriptor(v, 'message')) copy.message = String(v.message);
      if (typeof v.stack === 'string') copy.stack = v.stack;
      if ('cause' in v) copy.cause = cloneValue(v.cause, memory);
      return copy;
    } else if (v instanceof Boolean || v instanceof Number || v instanceof String || v instanceof BigInt) {
      return remember(memory, v, Object(v.valueOf()));
    } else if (v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef || v instanceof Promise || v instanceof FinalizationRegistry) {
      throw domException(`#<${v.constructor.name}> could not be cloned.`, 'DataCloneError', 25);
    } else {
      copy = remember(memory, v, {});
    }
    for (const key of Object.keys(v)) copy[key] = cloneValue(v[key], memory);
    return copy;
  }

  function remember(memory, original, copy) {
    memory.set(original, copy);
    return copy;
  }

  // ---- queueMicrotask --------------------------------------------------------------------------
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw invalidArg('callback', 'of type function', callback);
    Promise.resolve().then(() => callback());
  }

  // ---- URL and URLSearchParams (the WHATWG URL Standard) --------------------------------------------
  const urlClasses = once(() => {
    const FAILURE = null;
    const EOF = -1;
    const SCHEME_START = 1, SCHEME = 2, NO_SCHEME = 3, SPECIAL_RELATIVE_OR_AUTHORITY = 4, PATH_OR_AUTHORITY = 5,
      RELATIVE = 6, RELATIVE_SLASH = 7, SPECIAL_AUTHORITY_SLASHES = 8, SPECIAL_AUTHORITY_IGNORE_SLASHES = 9,
      AUTHORITY = 10, HOST = 11, HOSTNAME = 12, PORT = 13, FILE = 14, FILE_SLASH = 15, FILE_HOST = 16,
      PATH_START = 17, PATH = 18, OPAQUE_PATH = 19, QUERY = 20, FRAGMENT = 21;

    // Percent-encode sets: the C0 control set (below U+0020, above U+007E) plus these characters.
    const C0_SET = '';
    const FRAGMENT_SET = ' "<>`';
    const QUERY_SET = ' "#<>';
    const SPECIAL_QUERY_SET = QUERY_SET + "'";
    const PATH_SET = QUERY_SET + '?^`{}';
    const USERINFO_SET = PATH_SET + '/:;=@[\\]|';
    const FORM_SET = USERINFO_SET + '$%&+,!\'()~';
    const FORBIDDEN_HOST = '\u0000\t\n\r #/:<>?@[\\]^|';
    const FORBIDDEN_DOMAIN = FORBIDDEN_HOST + '%\u007f';
    const PCT = '0123456789ABCDEF';

    const isAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const isDigit = (c) => c >= 0x30 && c <= 0x39;
    const isSpecialScheme = (s) => s === 'http' || s === 'https' || s === 'ws' || s === 'wss' || s === 'ftp' || s === 'file';
    const isSpecial = (u) => isSpecialScheme(u.scheme);
    const includesCredentials = (u) => u.username !== '' || u.password !== '';
    const cannotHaveCredentials = (u) => u.host === null || u.host === '' || u.scheme === 'file';
    const usv = (v) => String(v).toWellFormed();

    function containsAny(s, chars, orC0) {
      for (let i = 0; i < s.length; i++) {
        if ((orC0 && s.charCodeAt(i) < 0x20) || chars.indexOf(s[i]) >= 0) return true;
      }
      return false;
    }

    function isDigits(s, radix) {
      if (s === '') return false;
      for (let i = 0; i < s.length; i++) {
        const v = hexValue(s.charCodeAt(i));
        if (v < 0 || v >= radix) return false;
      }
      return true;
    }

    function defaultPort(scheme) {
      switch (scheme) {
        case 'http': case 'ws': return 80;
        case 'https': case 'wss': return 443;
        case 'ftp': return 21;
        default: return null;
      }
    }

    function pctByte(b) { return '%' + PCT[b >> 4] + PCT[b & 15]; }

    function percentEncode(s, set, spaceAsPlus = false) {
      let out = '';
      for (let i = 0; i < s.length; i++) {
        let c = s.charCodeAt(i);
        if (c >= 0x20 && c <= 0x7e && set.indexOf(s[i]) < 0) { out += s[i]; continue; }
        if (c === 0x20 && spaceAsPlus) { out += '+'; continue; }
        if (c < 0x80) { out += pctByte(c); continue; }
        if (c < 0x800) { out += pctByte(0xc0 | (c >> 6)) + pctByte(0x80 | (c & 63)); continue; }
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = c <= 0xdbff ? s.charCodeAt(i + 1) : 0;
          if ((d & 0xfc00) === 0xdc00) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            out += pctByte(0xf0 | (c >> 18)) + pctByte(0x80 | ((c >> 12) & 63)) + pctByte(0x80 | ((c >> 6) & 63)) + pctByte(0x80 | (c & 63));
            continue;
          }
          c = 0xfffd;
        }
        out += pctByte(0xe0 | (c >> 12)) + pctByte(0x80 | ((c >> 6) & 63)) + pctByte(0x80 | (c & 63));
      }
      return out;
    }

    // Percent-decodes the UTF-8 bytes of `s`, then decodes them as UTF-8 (invalid bytes → U+FFFD).
    function percentDecode(s) {
      if (s.indexOf('%') < 0) return s;
      const b = new Uint8Array(utf8Length(s));
      utf8Write(s, b, 0, b.length);
      let n = 0;
      for (let i = 0; i < b.length; i++) {
        if (b[i] === 0x25 && i + 2 < b.length && hexValue(b[i + 1]) >= 0 && hexValue(b[i + 2]) >= 0) {
          b[n++] = (hexValue(b[i + 1]) << 4) | hexValue(b[i + 2]);
          i += 2;
        } else {
          b[n++] = b[i];
        }
      }
      return utf8Decode(b, 0, n, null, false, true);
    }

    // ---- hosts
    function parseHost(input, opaque) {
      if (input[0] === '[') {
        if (input[input.length - 1] !== ']') return FAILURE;
        const address = parseIPv6(input.slice(1, -1));
        return address === FAILURE ? FAILURE : '[' + serializeIPv6(address) + ']';
      }
      if (opaque) return containsAny(input, FORBIDDEN_HOST, false) ? FAILURE : percentEncode(input, C0_SET);
      const ascii = domainToAscii(percentDecode(input));
      if (ascii === '' || containsAny(ascii, FORBIDDEN_DOMAIN, true)) return FAILURE;
      return endsInNumber(ascii) ? parseIPv4(ascii) : ascii;
    }

    // UTS #46 ToASCII, approximated: NFKC, lower case, ideographic dots, Punycode per label.
    function domainToAscii(domain) {
      if (isAscii(domain)) return domain.toLowerCase();
      const mapped = domain.normalize('NFKC').toLowerCase().replace(/[\u3002\uff0e\uff61]/g, '.').replace(/\u00ad/g, '');
      return mapped.split('.').map((label) => (isAscii(label) ? label : 'xn--' + punycode(label))).join('.');
    }

    // RFC 3492 encoding of one label.
    function punycode(label) {
      const cps = Array.from(label, (ch) => ch.codePointAt(0));
      const digit = (d) => String.fromCharCode(d < 26 ? 97 + d : 22 + d);
      const adapt = (delta, points, first) => {
        delta = first ? Math.floor(delta / 700) : delta >> 1;
        delta += Math.floor(delta / points);
        let k = 0;
        for (; delta > 455; k += 36) delta = Math.floor(delta / 35);
        return k + Math.floor((36 * delta) / (delta + 38));
      };
      let out = cps.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
      const basic = out.length;
      if (basic > 0) out += '-';
      let n = 0x80, delta = 0, bias = 72, handled = basic;
      while (handled < cps.length) {
        let m = Infinity;
        for (const c of cps) if (c >= n && c < m) m = c;
        delta += (m - n) * (handled + 1);
        n = m;
        for (const c of cps) {
          if (c < n) delta++;
          if (c !== n) continue;
          let q = delta;
          for (let k = 36; ; k += 36) {
            const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
            if (q < t) break;
            out += digit(t + ((q - t) % (36 - t)));
            q = Math.floor((q - t) / (36 - t));
          }
          out += digit(q);
          bias = adapt(delta, handled + 1, handled === basic);
          delta = 0;
          handled++;
        }
        delta++;
        n++;
      }
      return out;
    }

    function endsInNumber(s) {
      const parts = s.split('.');
      if (parts[parts.length - 1] === '') {
        if (parts.length === 1) return false;
        parts.pop();
      }
      const last = parts[parts.length - 1];
      return isDigits(last, 10) || parseIPv4Number(last) !== FAILURE;
    }

    function parseIPv4Number(s) {
      if (s === '') return FAILURE;
      let radix = 10;
      if (s.length > 1 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) { radix = 16; s = s.slice(2); }
      else if (s.length > 1 && s[0] === '0') { radix = 8; s = s.slice(1); }
      if (s === '') return 0;
      return isDigits(s, radix) ? parseInt(s, radix) : FAILURE;
    }

    function parseIPv4(s) {
      const parts = s.split('.');
      if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
      if (parts.length > 4) return FAILURE;
      const numbers = [];
      for (const p of parts) {
        const n = parseIPv4Number(p);
        if (n === FAILURE) return FAILURE;
        numbers.push(n);
      }
      const last = numbers.length - 1;
      for (let i = 0; i < last; i++) if (numbers[i] > 255) return FAILURE;
      if (numbers[last] >= 256 ** (4 - last)) return FAILURE;
      let address = numbers[last];
      for (let i = 0; i < last; i++) address += numbers[i] * 256 ** (3 - i);
      return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');
    }

    function parseIPv6(input) {
      const address = [0, 0, 0, 0, 0, 0, 0, 0];
      let piece = 0, compress = null, p = 0;
      const at = (i) => (i < input.length ? input.charCodeAt(i) : EOF);
      if (at(p) === 0x3a) {
        if (at(p + 1) !== 0x3a) return FAILURE;
        p += 2;
        compress = ++piece;
      }
      while (at(p) !== EOF) {
        if (piece === 8) return FAILURE;
        if (at(p) === 0x3a) {
          if (compress !== null) return FAILURE;
          p++;
          compress = ++piece;
          continue;
        }
        let value = 0, length = 0;
        while (length < 4 && hexValue(at(p)) >= 0) { value = value * 16 + hexValue(at(p)); p++; length++; }
        if (at(p) === 0x2e) {
          if (length === 0) return FAILURE;
          p -= length;
          if (piece > 6) return FAILURE;
          let seen = 0;
          while (at(p) !== EOF) {
            let v4 = null;
            if (seen > 0) {
              if (at(p) === 0x2e && seen < 4) p++;
              else return FAILURE;
            }
            if (!isDigit(at(p))) return FAILURE;
            while (isDigit(at(p))) {
              const d = at(p) - 0x30;
              if (v4 === null) v4 = d; else if (v4 === 0) return FAILURE; else v4 = v4 * 10 + d;
              if (v4 > 255) return FAILURE;
              p++;
            }
            address[piece] = address[piece] * 0x100 + v4;
            seen++;
            if (seen === 2 || seen === 4) piece++;
          }
          if (seen !== 4) return FAILURE;
          break;
        } else if (at(p) === 0x3a) {
          p++;
          if (at(p) === EOF) return FAILURE;
        } else if (at(p) !== EOF) {
          return FAILURE;
        }
        address[piece++] = value;
      }
      if (compress !== null) {
        let swaps = piece - compress;
        for (piece = 7; piece !== 0 && swaps > 0; piece--, swaps--) {
          const t = address[piece];
          address[piece] = address[compress + swaps - 1];
          address[compress + swaps - 1] = t;
        }
      } else if (piece !== 8) {
        return FAILURE;
      }
      return address;
    }

    function serializeIPv6(address) {
      let best = -1, bestLength = 1;
      for (let i = 0; i < 8;) {
        let j = i;
        while (j < 8 && address[j] === 0) j++;
        if (j - i > bestLength) { best = i; bestLength = j - i; }
        i = j === i ? i + 1 : j;
      }
      let out = '';
      for (let i = 0; i < 8; i++) {
        if (i === best) { out += i === 0 ? '::' : ':'; i += bestLength - 1; continue; }
        out += address[i].toString(16) + (i < 7 ? ':' : '');
      }
      return out;
    }

    // ---- paths
    const isWindowsDriveLetter = (s) => s.length === 2 && isAlpha(s.charCodeAt(0)) && (s[1] === ':' || s[1] === '|');
    const isNormalizedDriveLetter = (s) => typeof s === 'string' && s.length === 2 && isAlpha(s.charCodeAt(0)) && s[1] === ':';
    const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
    const isDoubleDot = (s) => { const l = s.toLowerCase(); return l === '..' || l === '.%2e' || l === '%2e.' || l === '%2e%2e'; };

    function startsWithWindowsDriveLetter(s, p) {
      if (s.length - p < 2 || !isWindowsDriveLetter(s.slice(p, p + 2))) return false;
      return s.length - p === 2 || '/\\?#'.includes(s[p + 2]);
    }

    function shortenPath(u) {
      if (u.scheme === 'file' && u.path.length === 1 && isNormalizedDriveLetter(u.path[0])) return;
      u.path.pop();
    }

    // ---- the basic URL parser. Returns the record, or FAILURE (null). With a state override it
    // edits `url` in place, as the setters need; `path` is an array, or a string when opaque.
    function parse(input, base, url, stateOverride) {
      if (!url) {
        url = { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
        let start = 0, end = input.length;
        while (start < end && input.charCodeAt(start) <= 0x20) start++;
        while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
        input = input.slice(start, end);
      }
      if (containsAny(input, '\t\n\r', false)) input = input.replaceAll('\t', '').replaceAll('\n', '').replaceAll('\r', '');
      let state = stateOverride || SCHEME_START;
      let buffer = '', atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
      for (let p = 0; ; p++) {
        const c = p < input.length ? input.charCodeAt(p) : EOF;
        const ch = c === EOF ? '' : input[p];
        const special = isSpecial(url);
        const endOfAuthority = c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (special && c === 0x5c);
        switch (state) {
          case SCHEME_START:
            if (isAlpha(c)) { buffer += ch.toLowerCase(); state = SCHEME; }
            else if (!stateOverride) { state = NO_SCHEME; p--; }
            else return FAILURE;
            break;
          case SCHEME:
            if (isAlpha(c) || isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
              buffer += ch.toLowerCase();
            } else if (c === 0x3a) {
              if (stateOverride) {
                if (special !== isSpecialScheme(buffer)) return FAILURE;
                if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return FAILURE;
                if (url.scheme === 'file' && url.host === '') return FAILURE;
              }
              url.scheme = buffer;
              if (stateOverride) {
                if (url.port === defaultPort(url.scheme)) url.port = null;
                return url;
              }
              buffer = '';
              if (url.scheme === 'file') state = FILE;
              else if (isSpecial(url) && base && base.scheme === url.scheme) state = SPECIAL_RELATIVE_OR_AUTHORITY;
              else if (isSpecial(url)) state = SPECIAL_AUTHORITY_SLASHES;
              else if (input.charCodeAt(p + 1) === 0x2f) { state = PATH_OR_AUTHORITY; p++; }
              else { url.path = ''; state = OPAQUE_PATH; }
            } else if (!stateOverride) {
              buffer = '';
              state = NO_SCHEME;
              p = -1;
            } else {
              return FAILURE;
            }
            break;
          case NO_SCHEME:
            if (!base || (typeof base.path === 'string' && c !== 0x23)) return FAILURE;
            if (typeof base.path === 'string') {
              Object.assign(url, { scheme: base.scheme, path: base.path, query: base.query, fragment: '' });
              state = FRAGMENT;
            } else {
              state = base.scheme === 'file' ? FILE : RELATIVE;
              p--;
            }
            break;
          case SPECIAL_RELATIVE_OR_AUTHORITY:
            if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) { state = SPECIAL_AUTHORITY_IGNORE_SLASHES; p++; }
            else { state = RELATIVE; p--; }
            break;
          case PATH_OR_AUTHORITY:
            if (c === 0x2f) state = AUTHORITY; else { state = PATH; p--; }
            break;
          case RELATIVE:
            url.scheme = base.scheme;
            if (c === 0x2f || (isSpecial(url) && c === 0x5c)) {
              state = RELATIVE_SLASH;
            } else {
              Object.assign(url, { username: base.username, password: base.password, host: base.host, port: base.port,
                path: base.path.slice(), query: base.query });
              if (c === 0x3f) { url.query = ''; state = QUERY; }
              else if (c === 0x23) { url.fragment = ''; state = FRAGMENT; }
              else if (c !== EOF) { url.query = null; shortenPath(url); state = PATH; p--; }
            }
            break;
          case RELATIVE_SLASH:
            if (special && (c === 0x2f || c === 0x5c)) state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            else if (c === 0x2f) state = AUTHORITY;
            else {
              Object.assign(url, { username: base.username, password: base.password, host: base.host, port: base.port });
              state = PATH;
              p--;
            }
            break;
          case SPECIAL_AUTHORITY_SLASHES:
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) p++; else p--;
            break;
          case SPECIAL_AUTHORITY_IGNORE_SLASHES:
            if (c !== 0x2f && c !== 0x5c) { state = AUTHORITY; p--; }
            break;
          case AUTHORITY:
            if (c === 0x40) {
              if (atSignSeen) buffer = '%40' + buffer;
              atSignSeen = true;
              const colon = passwordTokenSeen ? -1 : buffer.indexOf(':');
              if (colon >= 0) {
                url.username += percentEncode(buffer.slice(0, colon), USERINFO_SET);
                url.password += percentEncode(buffer.slice(colon + 1), USERINFO_SET);
                passwordTokenSeen = true;
              } else if (passwordTokenSeen) {
                url.password += percentEncode(buffer, USERINFO_SET);
              } else {
                url.username += percentEncode(buffer, USERINFO_SET);
              }
              buffer = '';
            } else if (endOfAuthority) {
              if (atSignSeen && buffer === '') return FAILURE;
              p -= buffer.length + 1;
              buffer = '';
              state = HOST;
            } else {
              buffer += ch;
            }
            break;
          case HOST: case HOSTNAME:
            if (stateOverride && url.scheme === 'file') {
              p--;
              state = FILE_HOST;
            } else if (c === 0x3a && !insideBrackets) {
              if (buffer === '' || stateOverride === HOSTNAME) return FAILURE;
              const host = parseHost(buffer, !special);
              if (host === FAILURE) return FAILURE;
              url.host = host;
              buffer = '';
              state = PORT;
            } else if (endOfAuthority) {
              p--;
              if (special && buffer === '') return FAILURE;
              if (stateOverride && buffer === '' && (includesCredentials(url) || url.port !== null)) return FAILURE;
              const host = parseHost(buffer, !special);
              if (host === FAILURE) return FAILURE;
              url.host = host;
              buffer = '';
              state = PATH_START;
              if (stateOverride) return url;
            } else {
              if (c === 0x5b) insideBrackets = true; else if (c === 0x5d) insideBrackets = false;
              buffer += ch;
            }
            break;
          case PORT:
            if (isDigit(c)) {
              buffer += ch;
            } else if (endOfAuthority || stateOverride) {
              if (buffer !== '') {
                const port = parseInt(buffer, 10);
                if (port > 65535) return FAILURE;
                url.port = port === defaultPort(url.scheme) ? null : port;
                buffer = '';
                if (stateOverride) return url;
              }
              if (stateOverride) return FAILURE;
              state = PATH_START;
              p--;
            } else {
              return FAILURE;
            }
            break;
          case FILE:
            url.scheme = 'file';
            url.host = '';
            if (c === 0x2f || c === 0x5c) {
              state = FILE_SLASH;
            } else if (base && base.scheme === 'file') {
              Object.assign(url, { host: base.host, path: base.path.slice(), query: base.query });
              if (c === 0x3f) { url.query = ''; state = QUERY; }
              else if (c === 0x23) { url.fragment = ''; state = FRAGMENT; }
              else if (c !== EOF) {
                url.query = null;
                if (!startsWithWindowsDriveLetter(input, p)) shortenPath(url); else url.path = [];
                state = PATH;
                p--;
              }
            } else {
              state = PATH;
              p--;
            }
            break;
          case FILE_SLASH:
            if (c === 0x2f || c === 0x5c) {
              state = FILE_HOST;
            } else {
              if (base && base.scheme === 'file') {
                url.host = base.host;
                if (!startsWithWindowsDriveLetter(input, p) && isNormalizedDriveLetter(base.path[0])) url.path.push(base.path[0]);
              }
              state = PATH;
              p--;
            }
            break;
          case FILE_HOST:
            if (c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
              p--;
              if (!stateOverride && isWindowsDriveLetter(buffer)) {
                state = PATH; // the buffer is the path's first segment
              } else if (buffer === '') {
                url.host = '';
                if (stateOverride) return url;
                state = PATH_START;
              } else {
                let host = parseHost(buffer, !special);
                if (host === FAILURE) return FAILURE;
                if (host === 'localhost') host = '';
                url.host = host;
                if (stateOverride) return url;
                buffer = '';
                state = PATH_START;
              }
            } else {
              buffer += ch;
            }
            break;
          case PATH_START:
            if (special) {
              state = PATH;
              if (c !== 0x2f && c !== 0x5c) p--;
            } else if (!stateOverride && c === 0x3f) {
              url.query = '';
              state = QUERY;
            } else if (!stateOverride && c === 0x23) {
              url.fragment = '';
              state = FRAGMENT;
            } else if (c !== EOF) {
              state = PATH;
              if (c !== 0x2f) p--;
            } else if (stateOverride && url.host === null) {
              url.path.push('');
            }
            break;
          case PATH: {
            const slash = c === 0x2f || (special && c === 0x5c);
            if (c === EOF || slash || (!stateOverride && (c === 0x3f || c === 0x23))) {
              // The buffer holds raw text; '.'/'%2e' and drive letters look the same encoded or not.
              if (isDoubleDot(buffer)) {
                shortenPath(url);
                if (!slash) url.path.push('');
              } else if (isSingleDot(buffer)) {
                if (!slash) url.path.push('');
              } else {
                if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) buffer = buffer[0] + ':';
                url.path.push(percentEncode(buffer, PATH_SET));
              }
              buffer = '';
              if (c === 0x3f) { url.query = ''; state = QUERY; }
              if (c === 0x23) { url.fragment = ''; state = FRAGMENT; }
            } else {
              buffer += ch;
            }
            break;
          }
          case OPAQUE_PATH:
            if (c === EOF || c === 0x3f || c === 0x23) {
              url.path += percentEncode(buffer, C0_SET);
              buffer = '';
              if (c === 0x3f) { url.query = ''; state = QUERY; }
              if (c === 0x23) { url.fragment = ''; state = FRAGMENT; }
            } else {
              buffer += ch;
            }
            break;
          case QUERY:
            if (c === EOF || (!stateOverride && c === 0x23)) {
              url.query += percentEncode(buffer, special ? SPECIAL_QUERY_SET : QUERY_SET);
              buffer = '';
              if (c === 0x23) { url.fragment = ''; state = FRAGMENT; }
            } else {
              buffer += ch;
            }
            break;
          case FRAGMENT:
            if (c === EOF) url.fragment += percentEncode(buffer, FRAGMENT_SET);
            else buffer += ch;
            break;
        }
        if (p >= input.length) return url;
      }
    }

    function serialize(u) {
      let out = u.scheme + ':';
      if (u.host !== null) {
        out += '//';
        if (includesCredentials(u)) out += u.username + (u.password !== '' ? ':' + u.password : '') + '@';
        out += u.host;
        if (u.port !== null) out += ':' + u.port;
      }
      if (u.host === null && typeof u.path !== 'string' && u.path.length > 1 && u.path[0] === '') out += '/.';
      out += pathOf(u);
      if (u.query !== null) out += '?' + u.query;
      if (u.fragment !== null) out += '#' + u.fragment;
      return out;
    }

    const pathOf = (u) => (typeof u.path === 'string' ? u.path : u.path.length === 0 ? '' : '/' + u.path.join('/'));

    function originOf(u) {
      switch (u.scheme) {
        case 'blob': {
          const inner = parse(pathOf(u), null);
          return inner !== FAILURE && (inner.scheme === 'http' || inner.scheme === 'https') ? originOf(inner) : 'null';
        }
        case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
          return u.scheme + '://' + u.host + (u.port !== null ? ':' + u.port : '');
        default:
          return 'null';
      }
    }

    // ---- application/x-www-form-urlencoded
    function parseForm(input) {
      const list = [];
      for (const sequence of input.split('&')) {
        if (sequence === '') continue;
        const eq = sequence.indexOf('=');
        const name = eq < 0 ? sequence : sequence.slice(0, eq);
        const value = eq < 0 ? '' : sequence.slice(eq + 1);
        list.push([percentDecode(name.replaceAll('+', ' ')), percentDecode(value.replaceAll('+', ' '))]);
      }
      return list;
    }

    function serializeForm(list) {
      let out = '';
      for (let i = 0; i < list.length; i++) {
        out += (i === 0 ? '' : '&') + percentEncode(list[i][0], FORM_SET, true) + '=' + percentEncode(list[i][1], FORM_SET, true);
      }
      return out;
    }

    function invalidUrl(input, base) {
      const e = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
      e.input = String(input);
      if (base !== undefined) e.base = String(base);
      return e;
    }

    function missingArgs(names) {
      return nodeError(TypeError, 'ERR_MISSING_ARGS', `The ${names} argument${names.includes(' and ') ? 's' : ''} must be specified`);
    }

    // Bridges between the two classes' private state, assigned in their static blocks.
    let setQuery, setList, attach;

    class URLSearchParams {
      #list = [];
      #url = null;

      constructor(init = undefined) {
        if (init === undefined) return;
        if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
          const iterator = init[Symbol.iterator];
          if (iterator !== undefined && iterator !== null) {
            if (typeof iterator !== 'function') throw invalidArg('init', 'an iterable', init);
            for (const pair of init) {
              const kv = pair !== null && typeof pair === 'object' && typeof pair[Symbol.iterator] === 'function' ? Array.from(pair) : null;
              if (kv === null || kv.length !== 2) throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
              this.#list.push([usv(kv[0]), usv(kv[1])]);
            }
          } else {
            for (const key of Object.keys(init)) this.#list.push([usv(key), usv(init[key])]);
          }
        } else {
          const s = usv(init);
          this.#list = parseForm(s[0] === '?' ? s.slice(1) : s);
        }
      }

      #update() {
        if (this.#url !== null) {
          const query = serializeForm(this.#list);
          setQuery(this.#url, query === '' ? null : query);
        }
      }

      get size() { return this.#list.length; }

      append(name, value) {
        if (arguments.length < 2) throw missingArgs('"name" and "value"');
        this.#list.push([usv(name), usv(value)]);
        this.#update();
      }

      delete(name, value = undefined) {
        if (arguments.length < 1) throw missingArgs('"name"');
        const n = usv(name);
        const v = value === undefined ? undefined : usv(value);
        this.#list = this.#list.filter((e) => e[0] !== n || (v !== undefined && e[1] !== v));
        this.#update();
      }

      get(name) {
        if (arguments.length < 1) throw missingArgs('"name"');
        const n = usv(name);
        const entry = this.#list.find((e) => e[0] === n);
        return entry === undefined ? null : entry[1];
      }

      getAll(name) {
        if (arguments.length < 1) throw missingArgs('"name"');
        const n = usv(name);
        return this.#list.filter((e) => e[0] === n).map((e) => e[1]);
      }

      has(name, value = undefined) {
        if (arguments.length < 1) throw missingArgs('"name"');
        const n = usv(name);
        const v = value === undefined ? undefined : usv(value);
        return this.#list.some((e) => e[0] === n && (v === undefined || e[1] === v));
      }

      set(name, value) {
        if (arguments.length < 2) throw missingArgs('"name" and "value"');
        const n = usv(name), v = usv(value);
        const i = this.#list.findIndex((e) => e[0] === n);
        if (i < 0) this.#list.push([n, v]);
        else this.#list = this.#list.filter((e, j) => j <= i || e[0] !== n).map((e, j) => (j === i ? [n, v] : e));
        this.#update();
      }

      sort() {
        this.#list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // stable, by code units
        this.#update();
      }

      forEach(callback, thisArg = undefined) {
        if (typeof callback !== 'function') throw invalidArg('callback', 'of type function', callback);
        for (let i = 0; i < this.#list.length; i++) callback.call(thisArg, this.#list[i][1], this.#list[i][0], this);
      }

      *#iterate(kind) {
        for (let i = 0; i < this.#list.length; i++) {
          const [n, v] = this.#list[i];
          yield kind === 'keys' ? n : kind === 'values' ? v : [n, v];
        }
      }

      keys() { return this.#iterate('keys'); }
      values() { return this.#iterate('values'); }
      entries() { return this.#iterate('entries'); }
      [Symbol.iterator]() { return this.#iterate('entries'); }
      toString() { return serializeForm(this.#list); }
      get [Symbol.toStringTag]() { return 'URLSearchParams'; }

      static {
        setList = (params, list) => { params.#list = list; };
        attach = (params, url) => { params.#url = url; };
      }
    }

    class URL {
      #r;
      #params = null;

      constructor(url, base = undefined) {
        if (arguments.length === 0) throw missingArgs('"url"');
        let baseRecord = null;
        if (base !== undefined) {
          baseRecord = parse(usv(base), null);
          if (baseRecord === FAILURE) throw invalidUrl(url, base);
        }
        const r = parse(usv(url), baseRecord);
        if (r === FAILURE) throw invalidUrl(url, base);
        this.#r = r;
      }

      static canParse(url, base = undefined) {
        if (base === undefined) return parse(usv(url), null) !== FAILURE;
        const b = parse(usv(base), null);
        return b !== FAILURE && parse(usv(url), b) !== FAILURE;
      }

      static parse(url, base = undefined) {
        return URL.canParse(url, base) ? new URL(url, base) : null;
      }

      #syncParams() {
        if (this.#params !== null) setList(this.#params, this.#r.query === null ? [] : parseForm(this.#r.query));
      }

      get href() { return serialize(this.#r); }
      set href(value) {
        const r = parse(usv(value), null);
        if (r === FAILURE) throw invalidUrl(value);
        this.#r = r;
        this.#syncParams();
      }

      get origin() { return originOf(this.#r); }

      get protocol() { return this.#r.scheme + ':'; }
      set protocol(value) { parse(usv(value) + ':', null, this.#r, SCHEME_START); }

      get username() { return this.#r.username; }
      set username(value) { if (!cannotHaveCredentials(this.#r)) this.#r.username = percentEncode(usv(value), USERINFO_SET); }

      get password() { return this.#r.password; }
      set password(value) { if (!cannotHaveCredentials(this.#r)) this.#r.password = percentEncode(usv(value), USERINFO_SET); }

      get host() {
        const r = this.#r;
        return r.host === null ? '' : r.port === null ? r.host : r.host + ':' + r.port;
      }
      set host(value) { if (typeof this.#r.path !== 'string') parse(usv(value), null, this.#r, HOST); }

      get hostname() { return this.#r.host === null ? '' : this.#r.host; }
      set hostname(value) { if (typeof this.#r.path !== 'string') parse(usv(value), null, this.#r, HOSTNAME); }

      get port() { return this.#r.port === null ? '' : String(this.#r.port); }
      set port(value) {
        if (cannotHaveCredentials(this.#r)) return;
        const v = usv(value);
        if (v === '') this.#r.port = null; else parse(v, null, this.#r, PORT);
      }

      get pathname() { return pathOf(this.#r); }
      set pathname(value) {
        if (typeof this.#r.path === 'string') return;
        this.#r.path = [];
        parse(usv(value), null, this.#r, PATH_START);
      }

      get search() { const q = this.#r.query; return q === null || q === '' ? '' : '?' + q; }
      set search(value) {
        const v = usv(value);
        if (v === '') {
          this.#r.query = null;
        } else {
          this.#r.query = '';
          parse(v[0] === '?' ? v.slice(1) : v, null, this.#r, QUERY);
        }
        this.#syncParams();
      }

      get searchParams() {
        if (this.#params === null) {
          this.#params = new URLSearchParams();
          attach(this.#params, this);
          this.#syncParams();
        }
        return this.#params;
      }

      get hash() { const f = this.#r.fragment; return f === null || f === '' ? '' : '#' + f; }
      set hash(value) {
        const v = usv(value);
        if (v === '') { this.#r.fragment = null; return; }
        this.#r.fragment = '';
        parse(v[0] === '#' ? v.slice(1) : v, null, this.#r, FRAGMENT);
      }

      toString() { return serialize(this.#r); }
      toJSON() { return serialize(this.#r); }
      get [Symbol.toStringTag]() { return 'URL'; }

      static {
        setQuery = (url, query) => { url.#r.query = query; };
      }
    }

    // WebIDL attributes and operations are enumerable; Node's are too.
    for (const Class of [URL, URLSearchParams]) {
      for (const key of Object.getOwnPropertyNames(Class.prototype)) {
        if (key !== 'constructor') Object.defineProperty(Class.prototype, key, { enumerable: true });
      }
    }

    const domainToASCII = (domain) => {
      const host = parseHost(String(domain), false);
      return host === FAILURE ? '' : host;
    };

    return { URL, URLSearchParams, domainToASCII };
  });

  // ---- require('url'): the WHATWG classes plus the legacy parse/format/resolve ----------------------
  const urlModule = once(() => {
    const { URL, URLSearchParams, domainToASCII } = urlClasses();
    const SLASHED = ['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:'];

    function Url() {
      this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
      this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
    }
    Url.prototype.format = function () { return format(this); };

    function decodeComponent(s) {
      try {
        return decodeURIComponent(s);
      } catch (_) {
        return s;
      }
    }

    const decodeQueryComponent = (s) => decodeComponent(s.replaceAll('+', ' '));

    function parseQuery(s) {
      const query = Object.create(null);
      for (const part of s ? s.split('&') : []) {
        if (part === '') continue;
        const eq = part.indexOf('=');
        const key = decodeQueryComponent(eq < 0 ? part : part.slice(0, eq));
        const value = eq < 0 ? '' : decodeQueryComponent(part.slice(eq + 1));
        if (!(key in query)) query[key] = value;
        else if (Array.isArray(query[key])) query[key].push(value);
        else query[key] = [query[key], value];
      }
      return query;
    }

    function stringifyQuery(obj) {
      const value = (v) => (typeof v === 'string' ? encodeURIComponent(v)
        : (typeof v === 'number' && isFinite(v)) || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : '');
      const parts = [];
      for (const key of Object.keys(obj)) {
        const k = encodeURIComponent(key) + '=';
        for (const v of Array.isArray(obj[key]) ? obj[key] : [obj[key]]) parts.push(k + value(v));
      }
      return parts.join('&');
    }

    function parse(input, parseQueryString = false, slashesDenoteHost = false) {
      if (input instanceof Url) return input;
      if (typeof input !== 'string') throw invalidArg('url', 'of type string', input);
      const u = new Url();
      let rest = input.trim();
      let i = rest.indexOf('#');
      if (i >= 0) { u.hash = rest.slice(i); rest = rest.slice(0, i); }
      i = rest.indexOf('?');
      if (i >= 0) { u.search = rest.slice(i); u.query = rest.slice(i + 1); rest = rest.slice(0, i); }
      else if (parseQueryString) { u.search = ''; u.query = ''; }
      if (parseQueryString) u.query = parseQuery(u.query);
      rest = rest.replace(/\\/g, '/');
      const proto = /^[a-z][a-z0-9.+-]*:/i.exec(rest);
      if (proto) { u.protocol = proto[0].toLowerCase(); rest = rest.slice(proto[0].length); }
      if ((proto || slashesDenoteHost) && rest.startsWith('//') && u.protocol !== 'javascript:') {
        u.slashes = true;
        rest = rest.slice(2);
        const end = rest.indexOf('/') < 0 ? rest.length : rest.indexOf('/');
        let authority = rest.slice(0, end);
        rest = rest.slice(end);
        const at = authority.lastIndexOf('@');
        if (at >= 0) { u.auth = decodeComponent(authority.slice(0, at)); authority = authority.slice(at + 1); }
        const port = /:([0-9]*)$/.exec(authority);
        if (port) { if (port[1] !== '') u.port = port[1]; authority = authority.slice(0, port.index); }
        const bracketed = authority[0] === '[' && authority[authority.length - 1] === ']';
        u.hostname = (bracketed ? authority.slice(1, -1) : authority).toLowerCase();
        u.host = (bracketed ? '[' + u.hostname + ']' : u.hostname) + (u.port !== null ? ':' + u.port : '');
      }
      u.pathname = rest !== '' ? rest : u.slashes && SLASHED.includes(u.protocol) ? '/' : null;
      u.path = (u.pathname || '') + (u.search || '') || null;
      u.href = format(u);
      return u;
    }

    function format(obj) {
      if (typeof obj === 'string') obj = parse(obj);
      else if (obj instanceof URL) return obj.href;
      else if (obj === null || typeof obj !== 'object') throw invalidArg('urlObject', 'of type object or string', obj);
      const auth = obj.auth ? encodeURIComponent(obj.auth).replace(/%3A/i, ':') + '@' : '';
      let protocol = obj.protocol || '';
      if (protocol && !protocol.endsWith(':')) protocol += ':';
      let host = '';
      if (obj.host) host = auth + obj.host;
      else if (obj.hostname) host = auth + (obj.hostname.includes(':') && obj.hostname[0] !== '[' ? `[${obj.hostname}]` : obj.hostname) + (obj.port ? ':' + obj.port : '');
      let pathname = (obj.pathname || '').replace(/[?#]/g, encodeURIComponent);
      let search = obj.search || '';
      if (!search && obj.query && typeof obj.query === 'object') {
        const q = stringifyQuery(obj.query);
        if (q) search = '?' + q;
      }
      if (search && search[0] !== '?') search = '?' + search;
      let hash = obj.hash || '';
      if (hash && hash[0] !== '#') hash = '#' + hash;
      if (obj.slashes || (host && (!protocol || SLASHED.includes(protocol)))) {
        host = '//' + host;
        if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
      }
      return protocol + host + pathname + search.replace(/#/g, '%23') + hash;
    }

    // Resolved with WHATWG rules, as Node's documentation suggests; relative bases stay relative.
    function resolve(from, to) {
      const resolved = new URL(to, new URL(from, 'resolve://'));
      if (resolved.protocol !== 'resolve:') return resolved.toString();
      const { pathname, search, hash } = resolved;
      return pathname + search + hash;
    }

    return { URL, URLSearchParams, Url, parse, format, resolve, domainToASCII };
  });

  // ---- require('crypto') ------------------------------------------------------------------------------
  const cryptoModule = once(() => {
    const Buffer = bufferClass();
    const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256', 'sha3-256', 'sha3-512'];

    const ALIASES = { 'sha-1': 'sha1', 'sha-224': 'sha224', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512',
      'sha2-224': 'sha224', 'sha2-256': 'sha256', 'sha2-384': 'sha384', 'sha2-512': 'sha512' };

    function algorithmOf(name) {
      let n = String(name).toLowerCase();
      if (n.startsWith('rsa-')) n = n.slice(4);
      if (Object.hasOwn(ALIASES, n)) n = ALIASES[n];
      return HASHES.includes(n) ? n : undefined;
    }

    // Input data as a binary string (one char per byte), the form NodeCrypto takes.
    function binaryOf(data, encoding, name) {
      if (typeof data === 'string') {
        const enc = requireEncoding(encoding);
        if (enc === 'latin1' || (enc === 'utf8' && isAscii(data))) return data;
        const b = Buffer.from(data, enc);
        return latin1Of(b, 0, b.length);
      }
      const u8 = bytesView(data);
      if (u8 === undefined) throw invalidArg(name, 'of type string or an instance of Buffer, TypedArray, or DataView', data);
      return latin1Of(u8, 0, u8.length);
    }

    function output(binary, encoding) {
      const b = Buffer.from(binary, 'latin1');
      return encoding === undefined || encoding === 'buffer' ? b : b.toString(encoding);
    }

    function finalized() {
      return nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    }

    class Hash {
      #algorithm;
      #chunks;
      #done = false;

      constructor(algorithm, chunks = []) {
        this.#algorithm = algorithm;
        this.#chunks = chunks;
      }

      update(data, encoding) {
        if (this.#done) throw finalized();
        this.#chunks.push(binaryOf(data, encoding, 'data'));
        return this;
      }

      digest(encoding) {
        if (this.#done) throw finalized();
        this.#done = true;
        return output(hostCrypto.digest(this.#algorithm, this.#chunks.join('')), encoding);
      }

      copy() {
        if (this.#done) throw finalized();
        return new Hash(this.#algorithm, this.#chunks.slice());
      }
    }

    class Hmac {
      #algorithm;
      #key;
      #chunks = [];
      #done = false;

      constructor(algorithm, key) {
        this.#algorithm = algorithm;
        this.#key = key;
      }

      update(data, encoding) {
        if (this.#done) throw finalized();
        this.#chunks.push(binaryOf(data, encoding, 'data'));
        return this;
      }

      digest(encoding) {
        // Node answers an empty digest when called twice on an Hmac, rather than throwing.
        if (this.#done) return output('', encoding);
        this.#done = true;
        return output(hostCrypto.hmac(this.#algorithm, this.#key, this.#chunks.join('')), encoding);
      }
    }

    function createHash(algorithm, options = undefined) {
      if (typeof algorithm !== 'string') throw invalidArg('algorithm', 'of type string', algorithm);
      const a = algorithmOf(algorithm);
      if (a === undefined) throw new Error('Digest method not supported');
      return new Hash(a);
    }

    function createHmac(algorithm, key, options = undefined) {
      if (typeof algorithm !== 'string') throw invalidArg('hmac', 'of type string', algorithm);
      const a = algorithmOf(algorithm);
      if (a === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
      return new Hmac(a, binaryOf(key, options && options.encoding, 'key'));
    }

    function hash(algorithm, data, outputEncoding = 'hex') {
      return createHash(algorithm).update(data).digest(outputEncoding);
    }

    function checkSize(size) {
      if (typeof size !== 'number') throw invalidArg('size', 'of type number', size);
      if (!(size >= 0 && size <= 0x7fffffff)) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`);
      }
      return size;
    }

    function randomBytes(size, callback) {
      const bytes = Buffer.from(hostCrypto.randomBytes(checkSize(size)), 'latin1');
      if (typeof callback !== 'function') return bytes;
      queueMicrotask(() => callback(null, bytes));
      return undefined;
    }

    function getRandomValues(array) {
      if (!ArrayBuffer.isView(array) || array instanceof DataView || array instanceof Float32Array || array instanceof Float64Array) {
        throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError', 17);
      }
      if (array.byteLength > 65536) {
        throw domException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`,
          'QuotaExceededError', 22);
      }
      const random = hostCrypto.randomBytes(array.byteLength);
      latin1Write(random, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), 0, array.byteLength);
      return array;
    }

    // Uniform in [min, max) by rejection sampling over 48 random bits.
    function randomInt(min, max, callback) {
      if (max === undefined || typeof max === 'function') { callback = max; max = min; min = 0; }
      if (!Number.isSafeInteger(min)) throw invalidArg('min', 'a safe integer', min);
      if (!Number.isSafeInteger(max)) throw invalidArg('max', 'a safe integer', max);
      const range = max - min;
      if (!(range > 0 && range <= 2 ** 48)) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
      }
      const limit = 2 ** 48 - (2 ** 48 % range);
      let x;
      do {
        const b = hostCrypto.randomBytes(6);
        x = 0;
        for (let i = 0; i < 6; i++) x = x * 256 + b.charCodeAt(i);
      } while (x >= limit);
      const n = min + (x % range);
      if (typeof callback !== 'function') return n;
      queueMicrotask(() => callback(null, n));
      return undefined;
    }

    function timingSafeEqual(a, b) {
      const x = bytesView(a), y = bytesView(b);
      if (x === undefined) throw invalidArg('buf1', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', a);
      if (y === undefined) throw invalidArg('buf2', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', b);
      if (x.length !== y.length) throw nodeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
      let diff = 0;
      for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
      return diff === 0;
    }

    const unsupported = (name) => () => {
      throw nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `crypto.${name} is not supported by this runtime`);
    };

    const module = {
      createHash, createHmac, hash, randomBytes, randomUUID: () => hostCrypto.randomUUID(), randomInt, getRandomValues,
      timingSafeEqual, getHashes: () => HASHES.slice(),
    };
    module.pseudoRandomBytes = randomBytes;
    for (const name of ['createSign', 'createVerify', 'sign', 'verify', 'createPrivateKey', 'createPublicKey', 'createSecretKey',
      'publicEncrypt', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'createCipheriv', 'createDecipheriv',
      'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync', 'generateKeyPair', 'generateKeyPairSync', 'createECDH', 'createDiffieHellman']) {
      module[name] = unsupported(name);
    }
    return module;
  });

  // ---- install ------------------------------------------------------------------------------------
  // Nango's vm context has no Java interop globals; GraalJS adds them even without host class lookup.
  for (const name of ['Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu']) Reflect.deleteProperty(globalThis, name);

  lazyGlobal('Buffer', bufferClass);
  lazyGlobal('URL', () => urlClasses().URL);
  lazyGlobal('URLSearchParams', () => urlClasses().URLSearchParams);
  lazyGlobal('TextEncoder', textEncoderClass);
  lazyGlobal('TextDecoder', textDecoderClass);
  defineGlobal('atob', atob);
  defineGlobal('btoa', btoa);
  defineGlobal('structuredClone', structuredClone);
  defineGlobal('queueMicrotask', queueMicrotask);

  return { modules: { crypto: cryptoModule, url: urlModule } };
})
