from ecofacts.cli import main

main()
