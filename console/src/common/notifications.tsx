import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

type Notice = Omit<FlashbarProps.MessageDefinition, 'id' | 'onDismiss' | 'dismissible'>;

const NotifyContext = createContext<(notice: Notice) => void>(() => undefined);

/** The app's Flashbar: any page calls `useNotify()(…)`; every notification can be dismissed. */
export function useNotify(): (notice: Notice) => void {
  return useContext(NotifyContext);
}

/** Notifications older than this are dropped when the user moves to another page (a page's own news stays). */
const KEEP_ACROSS_PAGES_MS = 3000;

export function NotificationsProvider({ children, page, render }: { children?: ReactNode; page: string; render: (flashbar: ReactNode) => ReactNode }) {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);
  useEffect(() => {
    const now = Date.now();
    setItems((all) => all.filter((i) => now - Number(String(i.id).split('-')[0]) < KEEP_ACROSS_PAGES_MS));
  }, [page]);
  const notify = useCallback((notice: Notice) => {
    const id = `${Date.now()}-${Math.random()}`;
    const dismiss = () => setItems((all) => all.filter((i) => i.id !== id));
    setItems((all) => [{ ...notice, id, dismissible: true, dismissLabel: 'Dismiss notification', onDismiss: dismiss }, ...all].slice(0, 5));
  }, []);
  const flashbar = useMemo(() => <Flashbar items={items} />, [items]);
  return <NotifyContext.Provider value={notify}>{render(flashbar)}{children}</NotifyContext.Provider>;
}
