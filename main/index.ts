// Composition root (stub until the desktop-shell issue wires the services).
import { app } from 'electron';

void app.whenReady().then(() => {
  app.quit();
});
