package io.vigie.apisupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses JSON strings that hold a NUL character (PostgreSQL cannot store one in a text column): a REST body gets a
 * 400 problem naming the field, a Kafka record goes to its dead-letter topic with the reason, instead of failing in
 * the database with a 5xx or a stuck retry.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    /** What the refusal says. */
    public static final String REASON = "contains a NUL character";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("vigie-nul-free-strings").addDeserializer(String.class, new Deserializer()));
    }

    /** Jackson's string deserializer, plus the NUL check. */
    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, REASON, s, String.class);
            }
            return s;
        }
    }
}
