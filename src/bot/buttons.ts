import { createCallbackData } from "callback-data";
import type { CallbackQueryContext, Composer, Context } from "grammy";

/**
 * One field of a codec: any text (`String`), a number, a flag, one of a fixed set of words
 * (`["att", "ns"]`, read as that union type), or text of a pattern (a `RegExp`, matched whole).
 */
export type ButtonField = StringConstructor | NumberConstructor | BooleanConstructor | readonly string[] | RegExp;
type Schema = Record<string, ButtonField>;
type FieldValue<F> = F extends readonly (infer Word)[] ? Word : F extends NumberConstructor ? number : F extends BooleanConstructor ? boolean : string;
/** The values a codec's buttons carry, typed from its schema. */
export type ButtonValues<S extends Schema> = { -readonly [K in keyof S]: FieldValue<S[K]> };

/** A database id (a Mongo ObjectId as 24 hex digits), what most buttons carry. */
export const OBJECT_ID = /[0-9a-f]{24}/;

/**
 * A feature's buttons: callback data `prefix:field:field…` packed and read by one typed codec
 * (on the callback-data package the grammY template uses), so no feature types its data by hand.
 * Fields are packed in the order the schema declares them (the package itself would sort them by
 * name). `read` never throws: data that is not this codec's (forged, malformed, stale, of another
 * feature under the same prefix, or with a value outside its field's words or pattern) reads as
 * undefined. `pack` refuses values its own `read` would refuse, so every button drawn can be read.
 */
export function buttons<const S extends Schema>(prefix: string, schema: S) {
  type V = ButtonValues<S>;
  const fields = Object.keys(schema);
  // The package packs fields sorted by name: keyed "a", "b", … in declared order, they keep it.
  const key = (i: number) => String.fromCharCode(97 + i);
  const codec = createCallbackData(
    prefix,
    Object.fromEntries(fields.map((f, i) => [key(i), packageType(schema[f]!)])),
  );
  const checks = fields.map((f) => fieldCheck(schema[f]!));
  const keyed = (values: Partial<V>) =>
    Object.fromEntries(fields.flatMap((f, i) => (f in values ? [[key(i), values[f as keyof V]]] : []))) as Record<string, string | number | boolean>;
  const valid = (values: Record<string, unknown>) => fields.every((_, i) => checks[i]!(values[key(i)]));

  return {
    prefix,
    /** Every button of this codec, whatever its values (the bot's flow-ending buttons; handlers `read`). */
    any: new RegExp(`^${prefix}:`),
    pack(values: V): string {
      const packed = keyed(values);
      if (!valid(packed)) throw new Error(`button values not of the ${prefix} codec's fields`);
      return codec.pack(packed);
    },
    /** This codec's buttons whose given fields have these values (the others within their words or pattern). */
    filter(values: Partial<V>): RegExp {
      const given = keyed(values);
      const parts = fields.map((f, i) => (key(i) in given ? escape(serialize(given[key(i)]!)) : fieldPattern(schema[f]!)));
      return new RegExp(`^${[escape(prefix), ...parts].join(":")}$`);
    },
    read(data: string | undefined): V | undefined {
      if (data === undefined) return undefined;
      let unpacked: Record<string, unknown>;
      try {
        unpacked = codec.unpack(data);
      } catch {
        return undefined;
      }
      if (!valid(unpacked)) return undefined;
      return Object.fromEntries(fields.map((f, i) => [f, unpacked[key(i)]])) as V;
    },
  };
}

/** A codec made by `buttons`. */
export type Buttons<S extends Schema> = ReturnType<typeof buttons<S>>;
/** The values a codec's buttons carry: `ValuesOf<typeof adminBookingButtons>["action"]`. */
export type ValuesOf<B extends { read(data: string | undefined): unknown }> = NonNullable<ReturnType<B["read"]>>;

function packageType(field: ButtonField): NumberConstructor | StringConstructor | BooleanConstructor {
  return field === Number ? Number : field === Boolean ? Boolean : String;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const serialize = (value: string | number | boolean) => (value === true ? "1" : value === false ? "0" : String(value));

function fieldPattern(field: ButtonField): string {
  if (field instanceof RegExp) return `(?:${field.source})`;
  if (Array.isArray(field)) return `(?:${field.map(escape).join("|")})`;
  return field === Boolean ? "[01]" : "[^:]*";
}

function fieldCheck(field: ButtonField): (value: unknown) => boolean {
  if (field instanceof RegExp) {
    const whole = new RegExp(`^(?:${field.source})$`, field.flags);
    return (value) => typeof value === "string" && whole.test(value);
  }
  if (Array.isArray(field)) return (value) => typeof value === "string" && field.includes(value);
  return () => true;
}

/**
 * Handles the presses of a codec's buttons whose given fields have these values: `handler` gets
 * them read and checked. Data that does not read goes on down the chain, in the end to the
 * answer that the button is no longer in use.
 */
export function onButton<C extends Context, S extends Schema, const W extends Partial<ButtonValues<S>>>(
  composer: Composer<C>,
  codec: Buttons<S>,
  where: W,
  handler: (ctx: CallbackQueryContext<C>, pressed: ButtonValues<S> & W) => Promise<unknown>,
): void {
  composer.callbackQuery(codec.filter(where), async (ctx, next) => {
    const pressed = codec.read(ctx.callbackQuery.data);
    if (!pressed || Object.entries(where).some(([f, v]) => pressed[f] !== v)) return next();
    await handler(ctx, pressed as ButtonValues<S> & W);
  });
}

/** The filters of these codecs' buttons, one per prefix (for a surface's flow-ending buttons). */
export function anyOf(codecs: ReadonlyArray<{ any: RegExp }>): RegExp[] {
  return [...new Map(codecs.map((c) => [c.any.source, c.any])).values()];
}
