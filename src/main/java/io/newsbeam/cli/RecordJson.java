package io.newsbeam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Avro records as plain JSON: unions unwrapped, timestamp-millis as ISO-8601 UTC, bytes as base64. */
final class RecordJson {
  private RecordJson() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static ObjectNode of(GenericRecord r) {
    return (ObjectNode) value(r, r.getSchema());
  }

  static JsonNode value(Object v, Schema s) {
    if (v == null) {
      return F.nullNode();
    }
    if (s.getType() == Schema.Type.UNION) {
      return value(v, s.getTypes().get(GenericData.get().resolveUnion(s, v)));
    }
    LogicalType logical = s.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis && v instanceof Long l) {
      return F.textNode(Instant.ofEpochMilli(l).toString());
    }
    if (logical instanceof LogicalTypes.TimestampMicros && v instanceof Long l) {
      return F.textNode(Instant.ofEpochSecond(0, l * 1000).toString());
    }
    return switch (s.getType()) {
      case RECORD -> {
        GenericRecord rec = (GenericRecord) v;
        ObjectNode o = F.objectNode();
        for (Schema.Field f : s.getFields()) {
          o.set(f.name(), value(rec.get(f.pos()), f.schema()));
        }
        yield o;
      }
      case ARRAY -> {
        ArrayNode a = F.arrayNode();
        for (Object x : (Collection<?>) v) {
          a.add(value(x, s.getElementType()));
        }
        yield a;
      }
      case MAP -> {
        ObjectNode o = F.objectNode();
        ((Map<?, ?>) v).forEach((k, x) -> o.set(k.toString(), value(x, s.getValueType())));
        yield o;
      }
      case INT -> F.numberNode(((Number) v).intValue());
      case LONG -> F.numberNode(((Number) v).longValue());
      case FLOAT, DOUBLE -> F.numberNode(((Number) v).doubleValue());
      case BOOLEAN -> F.booleanNode((Boolean) v);
      case BYTES -> {
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        yield F.textNode(Base64.getEncoder().encodeToString(bytes));
      }
      case FIXED -> F.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) v).bytes()));
      default -> F.textNode(v.toString());
    };
  }
}
