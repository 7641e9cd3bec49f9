package dev.nangojvm.host.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.host.ExecutionError;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Node globals and modules Nango scripts use, run as real actions in the host. Expected
 * values are published test vectors (FIPS 180, RFC 1321, RFC 4231, RFC 3986 §5.4) or what
 * Node prints for the same expression.
 */
@DisplayName("The Node surface scripts see")
class NodeSurfaceTest {
    static IntegrationHost host;

    @BeforeAll
    static void start() {
        host = IntegrationHost.builder().policy(ScriptPolicy.standard().toBuilder().timeout(Duration.ofSeconds(5)).build()).build();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static ExecutionResult execute(String body, NangoAction nango) {
        String code = "exports.default = async (nango) => {\n" + body + "\n};\n";
        return host.runAction(ScriptBundle.of("node/" + Integer.toHexString(code.hashCode()), code, null), nango, null);
    }

    /** Runs {@code body} as the body of an async action and returns what it returned. */
    static JsonNode run(String body) {
        ExecutionResult result = execute(body, new QuietNango());
        assertThat(result.error()).as("the script failed").isNull();
        return result.output();
    }

    static ExecutionError failure(String body) {
        ExecutionResult result = execute(body, new QuietNango());
        assertThat(result.succeeded()).as("the script should have failed").isFalse();
        return result.error();
    }

    static String text(String expression) {
        return run("return " + expression + ";").asText();
    }

    static String json(String expression) {
        return run("return " + expression + ";").toString();
    }

    @Nested
    @DisplayName("Buffer")
    class Buffers {
        @Test
        void roundTripsNonAsciiTextThroughBase64HexAndUtf8() {
            var out = run("""
                    const text = 'héllo wörld € 😀';
                    const b64 = Buffer.from(text).toString('base64');
                    const hex = Buffer.from(text, 'utf8').toString('hex');
                    return { b64, hex, fromB64: Buffer.from(b64, 'base64').toString(), fromHex: Buffer.from(hex, 'hex').toString('utf8'),
                             url: Buffer.from([0xfb, 0xff, 0xfe]).toString('base64url'), fromUrl: Array.from(Buffer.from('-_-_', 'base64url')) };
                    """);
            assertThat(out.path("b64").asText()).isEqualTo("aMOpbGxvIHfDtnJsZCDigqwg8J+YgA==");
            assertThat(out.path("hex").asText()).isEqualTo("68c3a96c6c6f2077c3b6726c6420e282ac20f09f9880");
            assertThat(out.path("fromB64").asText()).isEqualTo("héllo wörld € 😀");
            assertThat(out.path("fromHex").asText()).isEqualTo("héllo wörld € 😀");
            assertThat(out.path("url").asText()).isEqualTo("-__-");
            assertThat(out.path("fromUrl").toString()).isEqualTo("[251,255,191]");
        }

        @Test
        void readsLatin1AndBinaryAsOneBytePerCharacter() {
            var out = run("""
                    return { bytes: Array.from(Buffer.from('ÿé\\u0100', 'latin1')), binary: Buffer.from([0xe9, 0x41]).toString('binary'),
                             ascii: Buffer.from([0xc1]).toString('ascii') };
                    """);
            assertThat(out.toString()).isEqualTo("{\"bytes\":[255,233,0],\"binary\":\"éA\",\"ascii\":\"A\"}");
        }

        @Test
        void countsBytesPerEncoding() {
            assertThat(json("[Buffer.byteLength('€'), Buffer.byteLength('😀'), Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength('abcd', 'hex'),"
                    + " Buffer.byteLength(new Uint8Array(7)), Buffer.byteLength('ab', 'latin1')]")).isEqualTo("[3,4,2,2,7,2]");
        }

        @Test
        void concatenatesBuffersAndUint8ArraysUpToTheRequestedLength() {
            assertThat(json("[Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('ZA==', 'base64')]).toString(),"
                    + " Buffer.concat([Buffer.from('abc'), Buffer.from('def')], 4).toString(), Buffer.concat([Buffer.from('a')], 3).length,"
                    + " Buffer.concat([]).length]")).isEqualTo("[\"abcd\",\"abcd\",3,0]");
        }

        @Test
        void isAUint8ArraySubclassThatIsBufferOnlyForBuffers() {
            assertThat(json("[Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.from('a') instanceof Uint8Array,"
                    + " Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.isBuffer(Buffer.from('abc').subarray(1)), Buffer.name]"))
                    .isEqualTo("[true,false,true,true,true,\"Buffer\"]");
        }

        @Test
        void allocatesZeroedOrFilledMemory() {
            assertThat(json("[Array.from(Buffer.alloc(3)), Buffer.alloc(5, 'ab').toString(), Array.from(Buffer.alloc(2, 7)), Buffer.allocUnsafe(4).length]"))
                    .isEqualTo("[[0,0,0],\"ababa\",[7,7],4]");
        }

        @Test
        void slicesShareMemoryWithTheParentLikeNode() {
            assertThat(json("(() => { const b = Buffer.from('hello'); const s = b.slice(1, 3); s[0] = 65;"
                    + " return [b.toString(), s.toString(), b.subarray(-2).toString(), b.toString('utf8', 1, 4)]; })()"))
                    .isEqualTo("[\"hAllo\",\"Al\",\"lo\",\"All\"]");
        }

        @Test
        void serialisesToJsonAndComparesByContent() {
            assertThat(json("[JSON.stringify(Buffer.from('hi')), Buffer.from('a').equals(Buffer.from('a')), Buffer.compare(Buffer.from('a'), Buffer.from('b')),"
                    + " Buffer.from('hello world').indexOf('o w'), Buffer.from('abc').includes('d')]"))
                    .isEqualTo("[\"{\\\"type\\\":\\\"Buffer\\\",\\\"data\\\":[104,105]}\",true,-1,4,false]");
        }

        @Test
        void readsAndWritesIntegersInBothByteOrders() {
            assertThat(json("(() => { const b = Buffer.alloc(6); b.writeUInt16LE(0x0102, 0); b.writeUInt32BE(0xdeadbeef, 2);"
                    + " return [b.toString('hex'), b.readUInt32BE(2), b.readUint16LE(0), b.readInt8(2)]; })()"))
                    .isEqualTo("[\"0201deadbeef\",3735928559,258,-34]");
        }

        @Test
        void decodesInvalidUtf8WithReplacementCharacters() {
            assertThat(text("Buffer.from([0x61, 0xff, 0xe2, 0x82, 0x62, 0xf0, 0x9f, 0x98, 0x80]).toString()")).isEqualTo("a\uFFFD\uFFFDb😀");
        }

        @Test
        void rejectsAnUnknownEncodingLikeNode() {
            assertThat(json("(() => { try { Buffer.from('x', 'nope'); } catch (e) { return [e.name, e.code, e.message]; } })()"))
                    .isEqualTo("[\"TypeError\",\"ERR_UNKNOWN_ENCODING\",\"Unknown encoding: nope\"]");
        }

        @Test
        void binaryProxyResponsesArriveAsBuffers() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
            var result = execute("""
                    const res = await nango.get({ endpoint: '/logo.png', responseType: 'arraybuffer' });
                    return { isBuffer: Buffer.isBuffer(res.data), b64: res.data.toString('base64') };
                    """, new QuietNango(JsonNodeFactory.instance.binaryNode(png)));
            assertThat(result.output().toString()).isEqualTo("{\"isBuffer\":true,\"b64\":\"iVBORw==\"}");
        }
    }

    @Nested
    @DisplayName("TextEncoder and TextDecoder")
    class TextCoding {
        @Test
        void encodesUtf8() {
            assertThat(json("[Array.from(new TextEncoder().encode('€😀')), new TextEncoder().encode('x') instanceof Uint8Array,"
                    + " Buffer.isBuffer(new TextEncoder().encode('x')), new TextEncoder().encoding]"))
                    .isEqualTo("[[226,130,172,240,159,152,128],true,false,\"utf-8\"]");
        }

        @Test
        void encodesIntoAnExistingArrayWithoutSplittingCharacters() {
            assertThat(json("(() => { const dest = new Uint8Array(4); return [new TextEncoder().encodeInto('a€b', dest), Array.from(dest)]; })()"))
                    .isEqualTo("[{\"read\":2,\"written\":4},[97,226,130,172]]");
        }

        @Test
        void decodesMultiByteUtf8AndStripsTheBom() {
            assertThat(json("[new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])),"
                    + " new TextDecoder('utf8').decode(Buffer.from('日本語').buffer.slice(0, 9)), new TextDecoder().decode()]"))
                    .isEqualTo("[\"hé€😀\",\"日本語\",\"\"]");
        }

        @Test
        void keepsAnIncompleteSequenceAcrossStreamedChunks() {
            assertThat(text("(() => { const d = new TextDecoder(); return d.decode(new Uint8Array([0x61, 0xe2, 0x82]), { stream: true })"
                    + " + d.decode(new Uint8Array([0xac, 0x62])); })()")).isEqualTo("a€b");
        }

        @Test
        void throwsOnInvalidInputWhenFatal() {
            assertThat(json("(() => { try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xc3])); } catch (e) { return [e.name, e.code]; } })()"))
                    .isEqualTo("[\"TypeError\",\"ERR_ENCODING_INVALID_ENCODED_DATA\"]");
        }
    }

    @Nested
    @DisplayName("atob and btoa")
    class Base64Globals {
        @Test
        void encodeAndDecodeBinaryStrings() {
            assertThat(json("[btoa('hello'), atob('aGVsbG8='), atob(' aGVs\\nbG8 '), btoa(atob('/+8A')), atob('YQ')]"))
                    .isEqualTo("[\"aGVsbG8=\",\"hello\",\"hello\",\"/+8A\",\"a\"]");
        }

        @Test
        void refuseCharactersOutsideLatin1AndMalformedInput() {
            assertThat(json("[(() => { try { btoa('€'); } catch (e) { return e.name; } })(), (() => { try { atob('a'); } catch (e) { return e.name; } })(),"
                    + " (() => { try { atob('a*bc'); } catch (e) { return e.message; } })()]"))
                    .isEqualTo("[\"InvalidCharacterError\",\"InvalidCharacterError\",\"The string to be decoded is not correctly encoded.\"]");
        }
    }

    @Nested
    @DisplayName("structuredClone")
    class StructuredClone {
        @Test
        void clonesACyclicGraphOfDatesMapsSetsAndTypedArrays() {
            var out = run("""
                    const shared = { n: 1 };
                    const original = { when: new Date(0), map: new Map([['k', shared]]), set: new Set([shared]), bytes: new Uint16Array([1, 2]),
                                       list: [shared, shared], nested: { deep: [1, { x: 'y' }] }, buf: Buffer.from('hi') };
                    original.self = original;
                    const copy = structuredClone(original);
                    return { distinct: copy !== original, cycle: copy.self === copy, date: copy.when instanceof Date && copy.when.getTime() === 0,
                             sharedKept: copy.list[0] === copy.list[1] && copy.map.get('k') === copy.list[0] && copy.set.has(copy.list[0]),
                             sharedCopied: copy.list[0] !== shared, bytes: copy.bytes instanceof Uint16Array ? Array.from(copy.bytes) : null,
                             nested: copy.nested, bufferBecomes: Object.prototype.toString.call(copy.buf), isBuffer: Buffer.isBuffer(copy.buf) };
                    """);
            assertThat(out.toString()).isEqualTo("{\"distinct\":true,\"cycle\":true,\"date\":true,\"sharedKept\":true,\"sharedCopied\":true,"
                    + "\"bytes\":[1,2],\"nested\":{\"deep\":[1,{\"x\":\"y\"}]},\"bufferBecomes\":\"[object Uint8Array]\",\"isBuffer\":false}");
        }

        @Test
        void copiesClassInstancesAsPlainObjectsAndRefusesFunctions() {
            assertThat(json("[(() => { class P { constructor() { this.a = 1; } m() {} } const c = structuredClone(new P()); return [c.a, c instanceof P]; })(),"
                    + " (() => { try { structuredClone({ f() {} }); } catch (e) { return e.name; } })()]"))
                    .isEqualTo("[[1,false],\"DataCloneError\"]");
        }
    }

    @Nested
    @DisplayName("queueMicrotask")
    class Microtasks {
        @Test
        void runsAfterTheCurrentTaskAndBeforeTimers() {
            assertThat(run("""
                    return await new Promise((resolve) => {
                      const order = [];
                      setTimeout(() => { order.push('timer'); resolve(order); }, 0);
                      queueMicrotask(() => order.push('microtask'));
                      order.push('sync');
                    });
                    """).toString()).isEqualTo("[\"sync\",\"microtask\",\"timer\"]");
        }
    }

    @Nested
    @DisplayName("URL")
    class Urls {
        @Test
        void parsesEveryComponent() {
            var out = run("""
                    const u = new URL('HTTPS://us er:p@ss@EXAMPLE.com:8080/a/./b/../c d?x=1 2&y=é#frag ment');
                    return { href: u.href, protocol: u.protocol, username: u.username, password: u.password, host: u.host, hostname: u.hostname,
                             port: u.port, pathname: u.pathname, search: u.search, hash: u.hash, origin: u.origin, string: String(u), json: JSON.stringify({ u }) };
                    """);
            assertThat(out.path("href").asText()).isEqualTo("https://us%20er:p%40ss@example.com:8080/a/c%20d?x=1%202&y=%C3%A9#frag%20ment");
            assertThat(out.path("protocol").asText()).isEqualTo("https:");
            assertThat(out.path("username").asText()).isEqualTo("us%20er");
            assertThat(out.path("password").asText()).isEqualTo("p%40ss");
            assertThat(out.path("host").asText()).isEqualTo("example.com:8080");
            assertThat(out.path("hostname").asText()).isEqualTo("example.com");
            assertThat(out.path("port").asText()).isEqualTo("8080");
            assertThat(out.path("pathname").asText()).isEqualTo("/a/c%20d");
            assertThat(out.path("search").asText()).isEqualTo("?x=1%202&y=%C3%A9");
            assertThat(out.path("hash").asText()).isEqualTo("#frag%20ment");
            assertThat(out.path("origin").asText()).isEqualTo("https://example.com:8080");
            assertThat(out.path("string").asText()).isEqualTo(out.path("href").asText());
            assertThat(out.path("json").asText()).isEqualTo("{\"u\":\"" + out.path("href").asText() + "\"}");
        }

        @Test
        void resolvesTheRfc3986ReferenceExamples() {
            var out = run("""
                    const base = 'http://a/b/c/d;p?q';
                    const refs = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', ';x', 'g;x', '', '.', './', '..', '../', '../g',
                                  '../..', '../../g', '../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', 'g/./h', 'g/../h'];
                    return Object.fromEntries(refs.map((r) => [r, new URL(r, base).href]));
                    """);
            assertThat(out.path("g").asText()).isEqualTo("http://a/b/c/g");
            assertThat(out.path("./g").asText()).isEqualTo("http://a/b/c/g");
            assertThat(out.path("g/").asText()).isEqualTo("http://a/b/c/g/");
            assertThat(out.path("/g").asText()).isEqualTo("http://a/g");
            assertThat(out.path("//g").asText()).isEqualTo("http://g/");
            assertThat(out.path("?y").asText()).isEqualTo("http://a/b/c/d;p?y");
            assertThat(out.path("g?y").asText()).isEqualTo("http://a/b/c/g?y");
            assertThat(out.path("#s").asText()).isEqualTo("http://a/b/c/d;p?q#s");
            assertThat(out.path("g#s").asText()).isEqualTo("http://a/b/c/g#s");
            assertThat(out.path(";x").asText()).isEqualTo("http://a/b/c/;x");
            assertThat(out.path("g;x").asText()).isEqualTo("http://a/b/c/g;x");
            assertThat(out.path("").asText()).isEqualTo("http://a/b/c/d;p?q");
            assertThat(out.path(".").asText()).isEqualTo("http://a/b/c/");
            assertThat(out.path("./").asText()).isEqualTo("http://a/b/c/");
            assertThat(out.path("..").asText()).isEqualTo("http://a/b/");
            assertThat(out.path("../").asText()).isEqualTo("http://a/b/");
            assertThat(out.path("../g").asText()).isEqualTo("http://a/b/g");
            assertThat(out.path("../..").asText()).isEqualTo("http://a/");
            assertThat(out.path("../../g").asText()).isEqualTo("http://a/g");
            assertThat(out.path("../../../g").asText()).isEqualTo("http://a/g");
            assertThat(out.path("/./g").asText()).isEqualTo("http://a/g");
            assertThat(out.path("/../g").asText()).isEqualTo("http://a/g");
            assertThat(out.path("g.").asText()).isEqualTo("http://a/b/c/g.");
            assertThat(out.path(".g").asText()).isEqualTo("http://a/b/c/.g");
            assertThat(out.path("g..").asText()).isEqualTo("http://a/b/c/g..");
            assertThat(out.path("..g").asText()).isEqualTo("http://a/b/c/..g");
            assertThat(out.path("./../g").asText()).isEqualTo("http://a/b/g");
            assertThat(out.path("g/./h").asText()).isEqualTo("http://a/b/c/g/h");
            assertThat(out.path("g/../h").asText()).isEqualTo("http://a/b/c/h");
        }

        @Test
        void normalisesHostsDefaultPortsAndSpecialSchemes() {
            assertThat(json("[new URL('HTTP://Example.COM:80').href, new URL('https://x.com:443/').port, new URL('http://0x7f.1/').host,"
                    + " new URL('http://[0:0:0:0:0:0:0:1]:8080/').host, new URL('https://bücher.de/').hostname, new URL('http://a\\\\b\\\\c').href,"
                    + " new URL('mailto:Someone@Example.com').pathname, new URL('mailto:x@y').origin, new URL('file:///C:/x/../y').href]"))
                    .isEqualTo("[\"http://example.com/\",\"\",\"127.0.0.1\",\"[::1]:8080\",\"xn--bcher-kva.de\",\"http://a/b/c\","
                            + "\"Someone@Example.com\",\"null\",\"file:///C:/y\"]");
        }

        @Test
        void throwsATypeErrorForInvalidInputAndCanParseSaysSo() {
            assertThat(json("[(() => { try { new URL('/relative'); } catch (e) { return [e.name, e.code, e.message, e.input]; } })(),"
                    + " URL.canParse('https://ok'), URL.canParse('nope'), URL.canParse('/x', 'https://base'), URL.parse('::'), new URL('http://x').href]"))
                    .isEqualTo("[[\"TypeError\",\"ERR_INVALID_URL\",\"Invalid URL\",\"/relative\"],true,false,true,null,\"http://x/\"]");
            assertThat(json("[(() => { try { new URL('http://exa mple.com'); } catch (e) { return e.code; } })(),"
                    + " (() => { try { new URL('http://x:99999'); } catch (e) { return e.code; } })()]"))
                    .isEqualTo("[\"ERR_INVALID_URL\",\"ERR_INVALID_URL\"]");
        }

        @Test
        void settersRewriteTheHref() {
            var out = run("""
                    const u = new URL('https://example.com/a?b=c#d');
                    u.pathname = '/x y/z'; u.hash = 'top'; u.port = '8443'; u.hostname = 'API.example.org'; u.protocol = 'http';
                    const first = u.href;
                    u.port = '80'; u.search = 'q=1'; u.hash = ''; u.username = 'me';
                    return [first, u.href];
                    """);
            assertThat(out.toString()).isEqualTo("[\"http://api.example.org:8443/x%20y/z?b=c#top\",\"http://me@api.example.org/x%20y/z?q=1\"]");
        }

        @Test
        void searchParamsIsLiveInBothDirections() {
            var out = run("""
                    const u = new URL('https://example.com/p?a=1');
                    const params = u.searchParams;
                    params.append('q', 'x y'); params.set('a', '2');
                    const afterAppend = u.href;
                    u.search = '?z=9';
                    const seen = [params.get('z'), params.get('a'), params === u.searchParams];
                    params.delete('z');
                    return { afterAppend, seen, emptied: u.href };
                    """);
            assertThat(out.toString()).isEqualTo("{\"afterAppend\":\"https://example.com/p?a=2&q=x+y\",\"seen\":[\"9\",null,true],"
                    + "\"emptied\":\"https://example.com/p\"}");
        }
    }

    @Nested
    @DisplayName("URLSearchParams")
    class SearchParams {
        @Test
        void serialisesFormEncodingWithPlusForSpaces() {
            assertThat(json("[new URLSearchParams({ a: 'b c', d: 'é' }).toString(), new URLSearchParams({ q: \"a&b=c/d?e~!*'()\" }).toString(),"
                    + " new URLSearchParams([['x', '1'], ['x', '😀']]).toString(), String(new URLSearchParams('?k=v'))]"))
                    .isEqualTo("[\"a=b+c&d=%C3%A9\",\"q=a%26b%3Dc%2Fd%3Fe%7E%21*%27%28%29\",\"x=1&x=%F0%9F%98%80\",\"k=v\"]");
        }

        @Test
        void parsesQueryStringsWithRepeatsPlusesAndPercentEscapes() {
            assertThat(json("(() => { const p = new URLSearchParams('?a=1&b=x+y&c=%F0%9F%98%80&a=2&flag&d=%2B%zz');"
                    + " return [p.getAll('a'), p.get('b'), p.get('c'), p.get('flag'), p.get('d'), p.get('none'), p.has('a', '2'), p.size]; })()"))
                    .isEqualTo("[[\"1\",\"2\"],\"x y\",\"😀\",\"\",\"+%zz\",null,true,6]");
        }

        @Test
        void sortsDeletesAndIterates() {
            assertThat(json("(() => { const p = new URLSearchParams('c=3&a=1&b=2&a=0'); p.sort(); const sorted = p.toString();"
                    + " p.delete('a'); const seen = []; p.forEach((v, k) => seen.push(k + v));"
                    + " return [sorted, [...p], [...p.keys()], [...p.values()], seen, Object.fromEntries(new URLSearchParams('x=1&y=2'))]; })()"))
                    .isEqualTo("[\"a=1&a=0&b=2&c=3\",[[\"b\",\"2\"],[\"c\",\"3\"]],[\"b\",\"c\"],[\"2\",\"3\"],[\"b2\",\"c3\"],{\"x\":\"1\",\"y\":\"2\"}]");
        }
    }

    @Nested
    @DisplayName("require('crypto')")
    class Crypto {
        @Test
        void hashesTheFipsAndRfcVectors() {
            var out = run("""
                    const crypto = require('crypto');
                    const hex = (alg, data) => crypto.createHash(alg).update(data).digest('hex');
                    return { md5: hex('md5', 'abc'), sha1: hex('sha1', 'abc'), sha256: hex('sha256', 'abc'), sha512: hex('sha512', 'abc'),
                             empty: hex('sha256', ''), streamed: crypto.createHash('SHA256').update('a').update(Buffer.from('b')).update('63', 'hex').digest('hex'),
                             b64: crypto.createHash('sha256').update('abc').digest('base64'), b64url: crypto.createHash('sha256').update('abc').digest('base64url'),
                             raw: (() => { const d = crypto.createHash('sha256').update('abc').digest(); return [Buffer.isBuffer(d), d.length, d[0]]; })(),
                             utf8: hex('sha256', 'é') };
                    """);
            assertThat(out.path("md5").asText()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
            assertThat(out.path("sha1").asText()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
            assertThat(out.path("sha256").asText()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(out.path("sha512").asText()).isEqualTo("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
            assertThat(out.path("empty").asText()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            assertThat(out.path("streamed").asText()).isEqualTo(out.path("sha256").asText());
            assertThat(out.path("b64").asText()).isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
            assertThat(out.path("b64url").asText()).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
            assertThat(out.path("raw").toString()).isEqualTo("[true,32,186]");
            assertThat(out.path("utf8").asText()).isEqualTo(sha256Hex("é"));
        }

        @Test
        void computesTheRfc4231HmacVectors() {
            var out = run("""
                    const { createHmac } = require('node:crypto');
                    const key1 = Buffer.alloc(20, 0x0b);
                    return { c1sha256: createHmac('sha256', key1).update('Hi There').digest('hex'),
                             c1sha512: createHmac('sha512', key1).update('Hi There').digest('hex'),
                             c2sha256: createHmac('sha256', 'Jefe').update('what do ya want ').update('for nothing?').digest('hex'),
                             c2md5: createHmac('md5', 'Jefe').update('what do ya want for nothing?').digest('hex'),
                             c2sha1: createHmac('sha1', 'Jefe').update('what do ya want for nothing?').digest('hex'),
                             emptyKey: createHmac('sha256', '').update('').digest('hex'),
                             b64: createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('base64') };
                    """);
            assertThat(out.path("c1sha256").asText()).isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
            assertThat(out.path("c1sha512").asText()).isEqualTo("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                    + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
            assertThat(out.path("c2sha256").asText()).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            assertThat(out.path("c2md5").asText()).isEqualTo("750c783e6ab0b503eaa86e310a5db738");
            assertThat(out.path("c2sha1").asText()).isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
            assertThat(out.path("emptyKey").asText()).isEqualTo("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
            assertThat(out.path("b64").asText()).isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
        }

        @Test
        void givesVersion4UuidsAndRandomBytesFromTheHost() {
            var out = run("""
                    const crypto = require('node:crypto');
                    const a = crypto.randomUUID(), b = require('crypto').randomUUID();
                    const r1 = crypto.randomBytes(16), r2 = crypto.randomBytes(16);
                    const filled = crypto.getRandomValues(new Uint32Array(4));
                    const ints = Array.from({ length: 50 }, () => crypto.randomInt(3, 7));
                    return { a, differ: a !== b, sameModule: require('crypto') === require('node:crypto'), len: r1.length, isBuffer: Buffer.isBuffer(r1),
                             bytesDiffer: !r1.equals(r2), filled: filled.some((x) => x !== 0), intsInRange: ints.every((i) => i >= 3 && i < 7) };
                    """);
            assertThat(out.path("a").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(out.toString()).contains("\"differ\":true", "\"sameModule\":true", "\"len\":16", "\"isBuffer\":true",
                    "\"bytesDiffer\":true", "\"filled\":true", "\"intsInRange\":true");
        }

        @Test
        void comparesInConstantTimeAndRejectsUnequalLengths() {
            assertThat(json("(() => { const { timingSafeEqual } = require('crypto');"
                    + " let err; try { timingSafeEqual(Buffer.from('a'), Buffer.from('ab')); } catch (e) { err = [e.name, e.code, e.message]; }"
                    + " return [timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), timingSafeEqual(Buffer.from('abc'), new Uint8Array([97, 98, 100])), err]; })()"))
                    .isEqualTo("[true,false,[\"RangeError\",\"ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH\",\"Input buffers must have the same byte length\"]]");
        }

        @Test
        void refusesUnknownDigestsAndUnsupportedApisWithNodesErrors() {
            assertThat(json("(() => { const c = require('crypto'); const msg = (f) => { try { f(); } catch (e) { return e.message; } };"
                    + " return [msg(() => c.createHash('whirlpool')), msg(() => c.createHmac('nope', 'k')), msg(() => c.createSign('RSA-SHA256')),"
                    + " msg(() => { const h = c.createHash('md5'); h.digest(); h.update('x'); })]; })()"))
                    .isEqualTo("[\"Digest method not supported\",\"Invalid digest: nope\",\"crypto.createSign is not supported by this runtime\","
                            + "\"Digest already called\"]");
        }

        @Test
        void worksThroughEsbuildsCommonJsInterop() {
            String bundle = """
                    "use strict";
                    var __create = Object.create, __defProp = Object.defineProperty;
                    var toEsm = (mod) => { const target = __create(null); for (const k of Object.keys(mod)) __defProp(target, k, { get: () => mod[k], enumerable: true });
                      return __defProp(target, 'default', { value: mod, enumerable: true }); };
                    var import_crypto = toEsm(require("node:crypto"));
                    var import_url = require("url");
                    exports.default = async function runAction(nango) {
                      const params = new import_url.URLSearchParams({ id: (0, import_crypto.randomUUID)() });
                      return { sig: import_crypto.default.createHash("sha1").update(params.get("id").length + "").digest("hex"), same: import_url.URL === URL };
                    };
                    """;
            var result = host.runAction(ScriptBundle.of("node/esbuild-interop", bundle, null), new QuietNango(), null);
            assertThat(result.output().toString()).isEqualTo("{\"sig\":\"" + sha1Hex("36") + "\",\"same\":true}");
        }
    }

    @Nested
    @DisplayName("require('url')")
    class UrlModule {
        @Test
        void exportsTheWhatwgClasses() {
            assertThat(json("[require('url').URL === URL, require('node:url').URLSearchParams === URLSearchParams,"
                    + " new (require('url').URL)('/p', 'https://h').href]")).isEqualTo("[true,true,\"https://h/p\"]");
        }

        @Test
        void parsesAndFormatsLegacyUrlObjects() {
            var out = run("""
                    const url = require('url');
                    const p = url.parse('https://user:pw@Host.com:8080/p/a?x=1&x=2&y=z#h', true);
                    return { p: { protocol: p.protocol, slashes: p.slashes, auth: p.auth, host: p.host, port: p.port, hostname: p.hostname, hash: p.hash,
                                  search: p.search, query: p.query, pathname: p.pathname, path: p.path, href: p.href },
                             plain: url.parse('/a/b?c=d').query, bare: url.parse('http://x.com').pathname,
                             formatted: url.format({ protocol: 'https', hostname: 'api.x.com', pathname: 'v1/items', query: { q: 'a b', n: 2 } }),
                             fromUrl: url.format(new URL('https://a.com/b?c')),
                             resolved: [url.resolve('http://a/b/c', '../d'), url.resolve('/one/two/three', 'four'), url.resolve('http://a/', 'https://b/')] };
                    """);
            assertThat(out.path("p").toString()).isEqualTo("{\"protocol\":\"https:\",\"slashes\":true,\"auth\":\"user:pw\",\"host\":\"host.com:8080\","
                    + "\"port\":\"8080\",\"hostname\":\"host.com\",\"hash\":\"#h\",\"search\":\"?x=1&x=2&y=z\",\"query\":{\"x\":[\"1\",\"2\"],\"y\":\"z\"},"
                    + "\"pathname\":\"/p/a\",\"path\":\"/p/a?x=1&x=2&y=z\",\"href\":\"https://user:pw@host.com:8080/p/a?x=1&x=2&y=z#h\"}");
            assertThat(out.path("plain").asText()).isEqualTo("c=d");
            assertThat(out.path("bare").asText()).isEqualTo("/");
            assertThat(out.path("formatted").asText()).isEqualTo("https://api.x.com/v1/items?q=a%20b&n=2");
            assertThat(out.path("fromUrl").asText()).isEqualTo("https://a.com/b?c");
            assertThat(out.path("resolved").toString()).isEqualTo("[\"http://a/d\",\"/one/two/four\",\"https://b/\"]");
        }

        @Test
        void otherModulesStayForbidden() {
            assertThat(failure("require('node:fs');").message()).isEqualTo("Error: Module 'node:fs' is not allowed");
        }
    }

    @Nested
    @DisplayName("Intl (GraalJS's own, with full ICU data)")
    class Internationalisation {
        @Test
        void formatsDatesAndNumbersForEnUsAndOtherLocales() {
            assertThat(json("(() => { const d = new Date(Date.UTC(2024, 0, 15, 13, 5)); return ["
                    + " new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(d),"
                    + " d.toLocaleDateString('en-US', { timeZone: 'UTC' }), d.toLocaleString('en-US', { timeZone: 'America/New_York' }),"
                    + " new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(1234.5),"
                    + " new Intl.NumberFormat('de-DE').format(1234.5), new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(d)]; })()"))
                    .isEqualTo("[\"January 15, 2024\",\"1/15/2024\",\"1/15/2024, 8:05:00\u202FAM\",\"$1,234.50\",\"1.234,5\",\"janvier\"]");
        }
    }

    @Nested
    @DisplayName("isolation")
    class Isolation {
        @Test
        void theGlobalsNameNothingFromTheHost() {
            var out = run("return Object.getOwnPropertyNames(globalThis);");
            var names = new java.util.ArrayList<String>();
            out.forEach(n -> names.add(n.asText()));
            assertThat(names).contains("Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "atob", "btoa", "structuredClone", "queueMicrotask")
                    .doesNotContain("Java", "Packages", "java", "javax", "javafx", "com", "org", "edu", "Polyglot", "Graal", "require", "nango", "bridge")
                    .noneMatch(n -> n.toLowerCase().matches(".*(crypto|host|java|polyglot|graal|bridge).*"));
        }

        @Test
        void theConstructorChainsLeadOnlyToJavaScript() {
            assertThat(json("[Buffer.constructor === Function, Object.getPrototypeOf(Buffer) === Uint8Array, URL.constructor === Function,"
                    + " Buffer.constructor('return typeof hostCrypto + typeof NodeCrypto')(), require('crypto').createHash.constructor === Function,"
                    + " Object.getOwnPropertyNames(require('crypto').createHash('md5')).length, Object.getOwnPropertyNames(new URL('http://x')).length]"))
                    .isEqualTo("[true,true,true,\"undefinedundefined\",true,0,0]");
        }

        @Test
        void globalsCanBeReplacedByTheScriptLikeAnyBuiltIn() {
            assertThat(json("(() => { const d = Object.getOwnPropertyDescriptor(globalThis, 'atob'); globalThis.Buffer = 1; URL = 2;"
                    + " return [d.enumerable, d.writable, Buffer, URL, Object.keys(globalThis).includes('Buffer')]; })()"))
                    .isEqualTo("[false,true,1,2,false]");
        }
    }

    @Nested
    @DisplayName("cost")
    class Cost {
        @Test
        void printsATrivialActionsWarmRunTime() {
            var trivial = ScriptBundle.of("node/trivial", "exports.default = async () => ({ ok: true });", null);
            long[] nanos = new long[60];
            for (int i = 0; i < nanos.length; i++) {
                ExecutionResult result = host.runAction(trivial, new QuietNango(), null);
                assertThat(result.succeeded()).isTrue();
                nanos[i] = result.elapsed().toNanos();
            }
            long[] warm = java.util.Arrays.copyOfRange(nanos, 20, nanos.length);
            java.util.Arrays.sort(warm);
            double median = warm[warm.length / 2] / 1e6;
            // For the record only (surefire output): wall time moves with whatever else the machine is
            // doing, too much for a bound on a shared box.
            System.out.printf("node-surface: trivial action, median of %d warm runs = %.2f ms (p10 %.2f, p90 %.2f)%n",
                    warm.length, median, warm[warm.length / 10] / 1e6, warm[warm.length * 9 / 10] / 1e6);
        }
    }

    private static String sha256Hex(String s) {
        return hex("SHA-256", s);
    }

    private static String sha1Hex(String s) {
        return hex("SHA-1", s);
    }

    private static String hex(String algorithm, String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
