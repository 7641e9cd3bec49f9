package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.IntegrationHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** eval, Function and import() under the strict policy. */
@DisplayName("code generation from strings")
class CodeGenerationAttacksTest {
    final IntegrationHost host = Attacks.strict();

    @AfterEach
    void hostStaysHealthy() {
        assertHealthy(host);
    }

    private String attempt(String expression) {
        var r = runAction(host, "try { const v = " + expression + "; return 'ran: ' + typeof v; } catch (e) { return e.name + ': ' + e.message; }");
        return output(r).asText();
    }

    @Test
    void directEvalIsDenied() {
        assertThat(attempt("eval('1 + 1')")).startsWith("EvalError");
    }

    @Test
    void indirectEvalIsDenied() {
        assertThat(attempt("(0, eval)('globalThis')")).startsWith("EvalError");
    }

    @Test
    void theFunctionConstructorIsDenied() {
        assertThat(attempt("new Function('return 1')()")).startsWith("EvalError");
    }

    @Test
    void functionReachedThroughReflectIsDenied() {
        assertThat(attempt("Reflect.construct(Function, ['return 1'])()")).startsWith("EvalError");
    }

    @Test
    void theAsyncFunctionConstructorIsDenied() {
        assertThat(attempt("Object.getPrototypeOf(async function () {}).constructor('return 1')")).startsWith("EvalError");
    }

    @Test
    void theAsyncGeneratorConstructorIsDenied() {
        assertThat(attempt("Object.getPrototypeOf(async function* () {}).constructor('yield 1')")).startsWith("EvalError");
    }

    @Test
    void aStringPassedToSetTimeoutIsNeverCompiled() {
        var r = runAction(host, """
                globalThis.hit = false;
                setTimeout('globalThis.hit = true', 0);
                await new Promise((resolve) => setTimeout(resolve, 20));
                return globalThis.hit;
                """);
        assertThat(output(r).asBoolean()).isFalse();
    }

    @Test
    void aBundleWithDynamicImportIsRefusedBecauseADataUrlWouldCompileAString() {
        var r = runAction(host, """
                const m = await import/* hidden */ ('data:text/javascript,export%20default%20globalThis');
                return 'imported ' + typeof m.default;
                """);
        assertThat(r.error().code()).isEqualTo("code_generation_not_allowed");
        assertThat(r.error().message()).contains("uses dynamic import()");
    }

    @Test
    void dynamicImportIsFoundWhateverStandsBetweenTheKeywordAndTheParenthesis() {
        for (String code : new String[] {"import('x')", "import ('x')", "import\n/* a */ // b\n('x')", "[...import('x')]", "a=import(`x`)"}) {
            var r = runAction(host, "return " + code + ";");
            assertThat(r.error().code()).as(code).isEqualTo("code_generation_not_allowed");
        }
        // A call of a property named import is no dynamic import. (A method *declared* as import(x) {...} is
        // refused: the scan errs on the side of refusing.)
        var property = runAction(host, "const o = { ['imp' + 'ort']: (x) => x + 1 }; return o.import(1) + o?.import(1);");
        assertThat(output(property).asInt()).isEqualTo(4);
    }

    @Test
    void dynamicImportOfAFileIsRefusedEvenWithEvalAllowed() {
        IntegrationHost standard = Attacks.standard();
        var r = runAction(standard, """
                const out = [];
                for (const spec of ['/etc/passwd', 'file:///etc/hostname', 'fs', 'node:fs']) {
                  try { await import(spec); out.push('imported ' + spec); } catch (e) { out.push(e.name + ': ' + e.message); }
                }
                return out;
                """);
        assertThat(output(r)).hasSize(4).allSatisfy(n -> assertThat(n.asText())
                .matches("Error: (Operation is not allowed for: .*|Error reading module 'node:fs' .*: Socket IO is not allowed)"));
        assertHealthy(standard);
    }

    @Test
    void noOtherStringToCodeDoorIsOpen() {
        var r = runAction(host, "return [typeof WebAssembly, typeof ShadowRealm, typeof Worker, typeof loadWithNewGlobal].join();");
        assertThat(output(r).asText()).isEqualTo("undefined,undefined,undefined,undefined");
    }
}
