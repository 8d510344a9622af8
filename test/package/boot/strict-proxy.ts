// A strict view of a fake: reading a member the fake does not have throws (and is recorded),
// where a plain fake would hand back `undefined` and let the app run on into a confusing failure.
// Strict too: the module's namespaces (`electron.session`), functions and classes reached through
// it, what they construct, and results that are fakes. Data the fakes hand out (promises,
// strings, arrays, settings objects) and their internals (an emitter's listener table) are not.

/**
 * Members that language and loader machinery probe on any object, expecting `undefined` when
 * absent: promise resolution (`then`), CommonJS/ES interop (`__esModule`), JSON.stringify.
 * Electron's own objects answer these with `undefined` too, so they are not the app's mistakes.
 */
const PROBES = new Set(['then', '__esModule', 'toJSON']);

export interface StrictRecord {
  /** Every member that was missing, as `electron.app.getPath`. */
  violations: string[];
  /** Every member the app read, for the report. */
  touched: Set<string>;
}

export interface StrictOptions {
  /** Objects that are fakes (instances of the fake classes), as opposed to data they return. */
  isFake(value: object): boolean;
  record: StrictRecord;
}

/** A namespace such as the module itself or `electron.session`: an object literal. */
function isNamespace(value: object): boolean {
  return Object.getPrototypeOf(value) === Object.prototype;
}

/** Wraps `root` (named `name` in messages) and everything reached through it. */
export function strict<T extends object>(root: T, name: string, options: StrictOptions): T {
  const proxies = new WeakMap<object, object>();
  const isProxy = new WeakSet<object>();

  /** `inNamespace`: reached as a member of a namespace, where a namespace is strict too. */
  const wrap = (value: unknown, path: string, inNamespace: boolean): unknown => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
    if (isProxy.has(value)) return value;
    const known = proxies.get(value);
    if (known) return known;
    const wrapped =
      typeof value === 'function' || options.isFake(value) || (inNamespace && isNamespace(value));
    if (!wrapped) return value;
    const proxy: object = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'symbol' || key === 'prototype')
          return Reflect.get(target, key, receiver);
        const member = `${path}.${key}`;
        if (!(key in target)) {
          if (PROBES.has(key)) return undefined;
          options.record.violations.push(member);
          throw new Error(
            `strict fake electron: ${member} is not faked (Electron has it; add it to the fake)`,
          );
        }
        options.record.touched.add(member);
        return wrap(Reflect.get(target, key, receiver), member, isNamespace(target));
      },
      construct(target, args, newTarget) {
        // `new` on the proxy: construct the class itself, so instances keep its real prototype.
        const made: object = Reflect.construct(
          target as new (...a: unknown[]) => object,
          args,
          (newTarget === proxy ? target : newTarget) as new (...a: unknown[]) => object,
        );
        return wrap(made, `new ${path}()`, false) as object;
      },
      apply(target, thisArg, args) {
        const result: unknown = Reflect.apply(
          target as (...a: unknown[]) => unknown,
          thisArg,
          args,
        );
        return wrap(result, `${path}()`, false);
      },
    });
    proxies.set(value, proxy);
    isProxy.add(proxy);
    return proxy;
  };

  return wrap(root, name, true) as T;
}
