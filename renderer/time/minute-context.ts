import { createContext } from 'react';

/**
 * Main's minute (epoch ms of its last tick), for components deep in the list — a row marks
 * itself "Now" with it — without threading it through every layer. Null outside the window.
 */
export const MinuteContext = createContext<number | null>(null);
