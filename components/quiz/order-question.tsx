"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { RenderedOption } from "@/lib/questions/types";

/**
 * Putting items in order: a numbered list. Each item moves with its ↑/↓ buttons, or, when the
 * item itself has focus, with Alt+↑/Alt+↓; focus follows the moved item and a live region
 * says where it went.
 */
export function OrderQuestion({
  options,
  values,
  onChange,
  disabled,
  legend,
  placeOf,
}: {
  options: RenderedOption[];
  values: string[];
  onChange: (values: string[]) => void;
  disabled: boolean;
  legend: string;
  /** Once answered: whether each item stands in its right place, and where it belongs. */
  placeOf?: (value: string, index: number) => { isRight: boolean; position: number } | null;
}) {
  const t = useTranslations("quiz.play");
  const labelOf = (value: string) => options.find((o) => o.value === value)?.label ?? value;
  const itemRefs = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<{ value: string; target: "item" | "up" | "down" } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    const item = itemRefs.current.get(pending.value);
    const button = pending.target === "item" ? null : item?.querySelector<HTMLButtonElement>(`[data-move="${pending.target}"]`);
    (button && !button.disabled ? button : item)?.focus();
  }, [values]);

  function move(value: string, offset: -1 | 1, focusTarget: "item" | "up" | "down") {
    const from = values.indexOf(value);
    const to = from + offset;
    if (disabled || from < 0 || to < 0 || to >= values.length) return;
    const next = [...values];
    next.splice(from, 1);
    next.splice(to, 0, value);
    pendingFocus.current = { value, target: focusTarget };
    onChange(next);
    setAnnouncement(t("movedTo", { item: labelOf(value), position: to + 1 }));
  }

  return (
    <fieldset className="mt-5">
      <legend className="sr-only">{legend}</legend>
      <ol className="grid grid-cols-1 gap-2">
        {values.map((value, index) => {
          const label = labelOf(value);
          const place = placeOf?.(value, index) ?? null;
          return (
            <li
              key={value}
              ref={(element) => {
                if (element) itemRefs.current.set(value, element);
                else itemRefs.current.delete(value);
              }}
              tabIndex={disabled ? -1 : 0}
              aria-label={`${t("positionLabel", { position: index + 1 })}: ${label}`}
              data-order-item
              data-value={value}
              onKeyDown={(event) => {
                if (!event.altKey || event.target !== event.currentTarget) return;
                if (event.key === "ArrowUp" || event.key === "ArrowDown") {
                  event.preventDefault();
                  move(value, event.key === "ArrowUp" ? -1 : 1, "item");
                }
              }}
              className="flex min-h-14 items-center gap-3 rounded-xl border-2 border-slate-200 bg-white px-3 py-2"
            >
              <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-600">
                {index + 1}
              </span>
              <span className="flex-1 text-base leading-snug">{label}</span>
              {place ? (
                <span className={`min-w-0 text-right text-sm font-semibold ${place.isRight ? "text-emerald-800" : "text-rose-800"}`} data-mark={place.isRight ? "in-place" : "out-of-place"}>
                  <span aria-hidden="true">{place.isRight ? "✓ " : "✗ "}</span>
                  {place.isRight ? t("markInPlace") : t("markOutOfPlace", { position: place.position })}
                </span>
              ) : null}
              <span className={`shrink-0 gap-1 ${place ? "hidden" : "flex"}`}>
                <MoveButton direction="up" label={t("moveUp", { item: label })} disabled={disabled || index === 0} onClick={() => move(value, -1, "up")} />
                <MoveButton
                  direction="down"
                  label={t("moveDown", { item: label })}
                  disabled={disabled || index === values.length - 1}
                  onClick={() => move(value, 1, "down")}
                />
              </span>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}

function MoveButton({ direction, label, disabled, onClick }: { direction: "up" | "down"; label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      data-move={direction}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="flex size-10 items-center justify-center rounded-lg border border-slate-300 bg-white text-lg text-slate-700 hover:border-brand-500 hover:text-brand-700 disabled:opacity-30"
    >
      <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
    </button>
  );
}
