"""The kiosk (取号机): the touch screen where walk-in customers take a number."""
