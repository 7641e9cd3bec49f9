package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/** Pretty printer matching {@code JSON.stringify(x, null, 2)}: 2 spaces, {@code "key": value}, {@code []}/{@code {}}. */
public final class TwoSpacePrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    public TwoSpacePrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        indentObjectsWith(indenter);
        indentArraysWith(indenter);
        _objectFieldValueSeparatorWithSpaces = ": ";
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new TwoSpacePrinter();
    }

    @Override
    public DefaultPrettyPrinter withSeparators(com.fasterxml.jackson.core.util.Separators separators) {
        _separators = separators;
        _objectFieldValueSeparatorWithSpaces = ": ";
        return this;
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        if (nrOfValues == 0) {
            g.writeRaw(']');
            _nesting--;
            return;
        }
        super.writeEndArray(g, nrOfValues);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        if (nrOfEntries == 0) {
            g.writeRaw('}');
            _nesting--;
            return;
        }
        super.writeEndObject(g, nrOfEntries);
    }
}
