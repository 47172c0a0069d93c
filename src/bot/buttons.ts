import { createCallbackData } from "callback-data";

type Schema = Parameters<typeof createCallbackData>[1];
type Values<S extends Schema> = ReturnType<ReturnType<typeof createCallbackData<S>>["unpack"]>;

/**
 * A feature's buttons: callback data `prefix:field:field…` packed and read by one typed codec
 * (the callback-data package), so no feature types its data by hand. `read` never throws: data
 * that is not this codec's (forged, malformed, of another feature) reads as undefined.
 */
export function buttons<S extends Schema>(prefix: string, schema: S) {
  const codec = createCallbackData(prefix, schema);
  return {
    prefix,
    /** Every button of this codec, whatever its values (for the bot's list of flow-ending buttons). */
    any: new RegExp(`^${prefix}:`),
    pack: (values: Values<S>): string => codec.pack(values),
    /** Buttons whose given fields have these values (a loose match: handlers `read` the data). */
    filter: (values: Partial<Values<S>>): RegExp => codec.filter(values),
    read(data: string | undefined): Values<S> | undefined {
      if (data === undefined) return undefined;
      try {
        return codec.unpack(data);
      } catch {
        return undefined;
      }
    },
  };
}

/** A codec made by `buttons`. */
export type Buttons<S extends Schema> = ReturnType<typeof buttons<S>>;
