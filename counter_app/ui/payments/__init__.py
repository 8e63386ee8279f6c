"""The payment guidance tab of a counter (缴费指引): account search, card, channels, slips, dialogs."""
