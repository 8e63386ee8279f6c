from counter_app.app import main

raise SystemExit(main())
