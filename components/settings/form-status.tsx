export function FormStatus({ error, ok }: { error: string | null; ok: string | null }) {
  return (
    <div aria-live="polite">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : ok ? (
        <p className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {ok}
        </p>
      ) : null}
    </div>
  );
}
