from naba.cli import main

main()
